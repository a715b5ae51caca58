// Who speaks for a state? Its leaders as reported, with their roles and how many articles name them.
// param state: an ISO3 code or any name or alias (example: PRK)
// returns: leader, id, role, articles
// from the state: only its LEADS edges are read (every LEADS edge starts at a Leader, graph/write.py)
MATCH (:State {iso3: $state})<-[r:LEADS]-(l)
WITH l, collect(DISTINCT r.role) AS role, count(DISTINCT r.article) AS articles
RETURN l.name AS leader, l.id AS id, role, articles
ORDER BY articles DESC, leader
