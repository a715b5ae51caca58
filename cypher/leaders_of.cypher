// Who speaks for a state? Its leaders as reported, with their roles and how many articles name them.
// param state: an ISO3 code or any name or alias (example: PRK)
// returns: leader, id, role, articles
MATCH (l:Leader)-[r:LEADS]->(:State {iso3: $state})
RETURN l.name AS leader, l.id AS id, collect(DISTINCT r.role) AS role, count(DISTINCT r.article) AS articles
ORDER BY articles DESC, leader
