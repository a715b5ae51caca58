// Which sectors did two states discuss? Sectors named in the articles whose main pair is these
// two states, and on the agenda of the meetings those articles report.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// param since?: only articles published on or after this ISO date, or null (example: 2023-01-01)
// param until?: only articles published on or before this ISO date, or null (example: 2023-12-31)
// returns: sector, articles (how many articles support it), quotes (up to three)
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (art:Article {pair_key: key})
WHERE ($since IS NULL OR art.published >= $since) AND ($until IS NULL OR art.published <= $until)
CALL (art) {
  MATCH (art)-[r:MENTIONS]->(s:Sector)
  RETURN s, r.quote AS quote
  UNION
  MATCH (m:Meeting)-[d:DISCUSSED {article: art.id}]->(s:Sector)
  RETURN s, d.quote AS quote
}
RETURN s.id AS sector, count(DISTINCT art) AS articles, collect(DISTINCT quote)[..3] AS quotes
ORDER BY articles DESC, sector
