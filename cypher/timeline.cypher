// Every dated fact between two states, in order: meetings of their leaders (one row per resolved
// meeting, however many articles report it), their phone or video calls, visits of one side's
// leaders to the other side (one row per resolved visit), proposals made in articles about the
// pair (one row per resolved project, dated by its first report's publication). The newest
// `limit` facts (100 unless given), in date order; `total` says how many there are in all.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// param limit?: at most this many facts, the newest ones, or null for 100 (example: 100)
// returns: date, fact (meeting, call, visit or proposal), status, who, what, quote, article, articles (how many report it), total (facts in all)
WITH CASE WHEN $a < $b THEN $a + '|' + $b ELSE $b + '|' + $a END AS k, coalesce($limit, 100) AS lim
WHERE $a <> $b  // a pair is two states
// Meetings and visits are read newest first from their (block, date) indexes, as far as the page
// needs: a meeting of the two states alone has their codes as its block ("PRK|RUS"), one of three
// or more names them in `multilateral`, a visit's block is its traveller and host ("Q7747>PRK").
CALL (k, lim) {
  CALL (k, lim) {
    // the date of the `lim`-th newest meeting of the two: every meeting of the page is as new
    MATCH (m:Meeting)
    WHERE m.block = k AND m.date IS NOT NULL AND EXISTS { (m)<-[:ATTENDED]-() }
    // (ordered by block too: the index gives that order, read no further than the page)
  WITH m ORDER BY m.block DESC, m.date DESC LIMIT coalesce($limit, 100)
    RETURN min(m.date) AS cut
  }
  CALL (k, cut) {
    MATCH (m:Meeting)
    WHERE m.block = k AND m.date >= cut AND EXISTS { (m)<-[:ATTENDED]-() }
    RETURN m
    UNION
    MATCH (m:Meeting)
    WHERE m.multilateral CONTAINS $a AND m.multilateral CONTAINS $b
      AND $a IN split(m.multilateral, '|') AND $b IN split(m.multilateral, '|') AND m.date IS NOT NULL AND EXISTS { (m)<-[:ATTENDED]-() }
    RETURN m
  }
  WITH collect({date: m.date, fact: 'meeting', n: m, x: null}) AS near
  // how many dated meetings in all: a count the writers keep per pair (graph/events.py ``tally_keys``)
  CALL (k) {
    MATCH (t:Tally {kind: 'meetings', of: k})
    WHERE t.other = 'dated'
    RETURN sum(t.articles) AS n
  }
  RETURN near, n
  UNION ALL
  // a call reported by many articles has an INVOLVES edge per report: found once, never crossed
  MATCH (:State {iso3: $a})<-[:INVOLVES]-(c:Call)
  WITH DISTINCT c
  WHERE c.date IS NOT NULL AND EXISTS { (c)-[:INVOLVES]->(:State {iso3: $b}) } AND EXISTS { (c)<-[:ON_CALL]-(:Leader) }
  WITH collect({date: c.date, fact: 'call', n: c, x: null}) AS near
  RETURN near, size(near) AS n
  UNION ALL
  UNWIND [[$a, $b], [$b, $a]] AS side
  MATCH (l:Leader {state: side[0]})
  WITH lim, l, l.id + '>' + side[1] AS vb
  CALL (l, vb, lim) {
    // a traveller's visits to the host, newest first, as far as the page needs
    CALL (vb, lim) {
      MATCH (v:Visit)
      WHERE v.block = vb AND v.date IS NOT NULL
      WITH v ORDER BY v.block DESC, v.date DESC LIMIT coalesce($limit, 100)
      RETURN min(v.date) AS cut
    }
    MATCH (v:Visit)
    WHERE v.block = vb AND v.date >= cut
    RETURN collect({date: v.date, fact: 'visit', n: v, x: l}) AS mine
  }
  // how many dated visits in all: a count the writers keep per traveller and host
  CALL (vb) {
    MATCH (t:Tally {kind: 'visits', of: vb})
    WHERE t.other = 'dated'
    RETURN sum(t.articles) AS theirs
  }
  WITH collect(mine) AS lists, sum(theirs) AS n
  RETURN reduce(o = [], x IN lists | o + x) AS near, n
  UNION ALL
  WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
  MATCH (pr:Project {pair_key: key})
  WHERE pr.first IS NOT NULL
  // a project's reports are one proposer's (graph/events.py): it is on the node, so its PROPOSES
  // edge (one per report) is checked for, not read one by one
  CALL (pr) {
    MATCH (x:Leader {id: pr.by}) RETURN x
    UNION
    MATCH (x:State {iso3: pr.by}) RETURN x
  }
  WITH pr, x WHERE EXISTS { (x)-[:PROPOSES]->(pr) }
  WITH collect({date: pr.first, fact: 'proposal', n: pr, x: x}) AS near
  RETURN near, size(near) AS n
}
WITH lim, collect(near) AS nears, sum(n) AS total
UNWIND nears AS near
UNWIND near AS f
// the page is cut before each fact's reports are read: the cost is that of the page
WITH lim, total, f.date AS date, f.fact AS fact, f.n AS n, f.x AS x ORDER BY date DESC, fact, n.id, coalesce(x.id, x.iso3)
WITH lim, total, collect({date: date, fact: fact, n: n, x: x}) AS cands
WITH total, cands[..lim] AS facts
UNWIND facts AS f
WITH f.date AS date, f.fact AS fact, f.n AS n, f.x AS x, total
CALL (fact, n, x) {
  WITH fact, n WHERE fact = 'meeting'
  // the place apart from the reports: an event reported by many articles has an edge of each kind
  // per report, and crossing them made (reports)^2 rows (a visit of 25,000 reports: > 30 s)
  CALL (n) {
    OPTIONAL MATCH (n)-[:HELD_AT]->(p:Facility)
    RETURN min(p.name) AS what
  }
  MATCH (l:Leader)-[at:ATTENDED]->(n)
  WITH n, what, collect(DISTINCT l.name) AS who, min(at.quote) AS quote, min(at.article) AS article,
       count(DISTINCT at.article) AS articles
  RETURN n.status AS status, who, what, quote, article, articles
  UNION
  WITH fact, n WHERE fact = 'call'
  MATCH (l:Leader)-[oc:ON_CALL]->(n)
  WITH n, collect(DISTINCT l.name) AS who, min(oc.quote) AS quote, min(oc.article) AS article,
       count(DISTINCT oc.article) AS articles
  RETURN n.status AS status, who, null AS what, quote, article, articles
  UNION
  WITH fact, n, x WHERE fact = 'visit'
  CALL (n) {
    OPTIONAL MATCH (n)-[:TO]->(p)
    RETURN min(coalesce(p.name, p.iso3)) AS what
  }
  MATCH (x)-[ov:ON_VISIT]->(n)
  WITH n, x, what, min(ov.quote) AS quote, min(ov.article) AS article, count(DISTINCT ov.article) AS articles
  RETURN n.status AS status, [x.name] AS who, what, quote, article, articles
  UNION
  WITH fact, n, x WHERE fact = 'proposal'
  MATCH (x)-[p:PROPOSES]->(n)
  WITH n, x, min(p.quote) AS quote, min(p.article) AS article, count(DISTINCT p.article) AS articles
  RETURN null AS status, [coalesce(x.name, x.iso3)] AS who, n.name AS what, quote, article, articles
}
RETURN date, fact, status, who, what, quote, article, articles, total
ORDER BY date, fact
