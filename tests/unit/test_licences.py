"""Every installed Python distribution has a licence relgraph (Apache-2.0) can depend on.

Reads each distribution's own metadata (License-Expression, else License and the trove
classifiers). A distribution offering a choice ("MPL-1.1 OR GPL-2.0-only") passes when one
alternative is permitted. MPL-2.0 (file-level copyleft, used unmodified) is permitted; GPL, LGPL
and AGPL are not, and neither is a distribution that declares no licence at all.
"""

import re
from importlib.metadata import distributions

COPYLEFT = re.compile(r"\b(A?GPL|LGPL|GNU (Affero |Lesser |Library )?General Public)", re.I)
PERMITTED = re.compile(
    r"\b(MIT|BSD|Apache|ISC|PSF|Python|MPL|Mozilla|0BSD|Zlib|CC0|CMU|CNRI|Unlicense"
    r"|Historical Permission|HPND|Kiwi|matplotlib)",
    re.I,
)


def licence_of(dist) -> list[str]:
    """The licence alternatives a distribution declares, most precise first."""
    m = dist.metadata
    expr = m.get("License-Expression")
    if expr:
        return [a.strip(" ()") for a in re.split(r"\s+OR\s+", expr)]
    classifiers = [c.split(" :: ", 2)[-1] for c in (m.get_all("Classifier") or []) if c.startswith("License ::")]
    text = (m.get("License") or "").strip()
    found = [c for c in classifiers if c not in ("OSI Approved",)]
    if text and text.upper() != "UNKNOWN":
        found.append(text.splitlines()[0][:80])
    return found


def acceptable(alternatives: list[str]) -> bool:
    return any(PERMITTED.search(a) and not COPYLEFT.search(a) for a in alternatives)


def test_every_installed_dependency_has_a_permissive_licence():
    bad = []
    for d in distributions():
        name = d.metadata["Name"]
        alternatives = licence_of(d)
        if not acceptable(alternatives):
            bad.append(f"{name} {d.version}: {' OR '.join(alternatives) or 'no licence declared'}")
    assert not bad, "copyleft or undeclared licences:\n" + "\n".join(sorted(set(bad)))


def test_the_check_would_catch_gpl():
    assert not acceptable(["GPL"])
    assert not acceptable(["GNU General Public License v2 or later (GPLv2+)"])
    assert not acceptable(["LGPL-3.0-or-later"])
    assert acceptable(["MPL-1.1", "GPL-2.0-only", "LGPL-2.1-or-later"])  # a choice: MPL is taken
    assert acceptable(["Apache-2.0 AND Python-2.0"])
    assert not acceptable([])
