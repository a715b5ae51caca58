// Phone and video calls between leaders of two states: when, who, and the quotes that report them.
// One row per call, however many articles report it (each report has its own INVOLVES and
// ON_CALL edges: the call is found once, then its reports are counted, never crossed).
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: KAZ)
// returns: date, status, participants, articles (how many report it), quotes
MATCH (:State {iso3: $a})<-[:INVOLVES]-(c:Call)
WITH DISTINCT c
WHERE $a <> $b AND EXISTS { (c)-[:INVOLVES]->(:State {iso3: $b}) }  // a pair is two states
MATCH (l:Leader)-[oc:ON_CALL]->(c)
WITH c, collect(DISTINCT l.name) AS participants, count(DISTINCT oc.article) AS articles,
     collect(DISTINCT oc.quote)[..3] AS quotes
RETURN c.date AS date, c.status AS status, participants, articles, quotes
ORDER BY coalesce(date, "") DESC, c.id
