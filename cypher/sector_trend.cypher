// How did the sectors two states discuss change over time? Articles per sector and month.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: month (YYYY-MM), sector, articles
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
// a sector mention carries its article's pair (graph/write.py), indexed: only the pair's mentions are read
MATCH (art:Article)-[r:MENTIONS]->(s:Sector)
WHERE r.pair = key AND art.published IS NOT NULL
RETURN substring(art.published, 0, 7) AS month, s.id AS sector, count(DISTINCT art) AS articles
ORDER BY month, articles DESC, sector
