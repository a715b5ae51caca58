// Phone and video calls between leaders of two states: when, who, and the quotes that report them.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: KAZ)
// returns: date, status, participants, articles (how many report it), quotes
MATCH (:State {iso3: $a})<-[:INVOLVES]-(c:Call)-[:INVOLVES]->(:State {iso3: $b})
MATCH (l:Leader)-[oc:ON_CALL]->(c)
RETURN c.date AS date, c.status AS status,
       collect(DISTINCT l.name) AS participants, count(DISTINCT oc.article) AS articles,
       collect(DISTINCT oc.quote)[..3] AS quotes
ORDER BY coalesce(date, "") DESC
