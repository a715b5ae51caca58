// Which states does a state deal with most? Partners ranked by the number of articles whose
// main pair they form with it, then by the meetings and proposals those articles report.
// param state: an ISO3 code or any name or alias (example: RUS)
// returns: partner, name, articles, facts (meetings and proposals in those articles)
// The counts are kept by the writers as articles come and go (graph/write.py, ``_TALLY``): one
// node a partner, not every article of a busy state.
MATCH (t:Tally {kind: 'partner', of: $state})
MATCH (s:State {iso3: t.other})
RETURN t.other AS partner, s.name AS name, t.articles AS articles, t.facts AS facts
ORDER BY articles DESC, facts DESC, partner
