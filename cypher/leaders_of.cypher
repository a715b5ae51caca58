// Who speaks for a state? Its leaders as reported, with their roles and how many articles name them.
// param state: an ISO3 code or any name or alias (example: PRK)
// returns: leader, id, role, articles
// The counts of articles, and the roles they give, are kept by the writers as articles come and
// go (graph/write.py, ``_TALLY``): one node a leader and role, not every LEADS edge of the state.
MATCH (t:Tally {kind: 'leader', of: $state})
MATCH (l:Leader {id: t.other})
OPTIONAL MATCH (r:Tally {kind: 'role', of: $state, other: t.other})
WITH l, t, r.role AS role ORDER BY role
WITH l, t.articles AS articles, collect(role) AS role
RETURN l.name AS leader, l.id AS id, role, articles
ORDER BY articles DESC, leader
