// Which pairs of states discussed a sector? Pairs ranked by the number of articles.
// param sector: a sector id of the taxonomy (example: space)
// returns: pair, articles, quotes (up to three)
MATCH (s:Sector {id: $sector})
CALL (s) {
  MATCH (art:Article)-[r:MENTIONS]->(s)
  WHERE art.pair_key IS NOT NULL
  RETURN art, r.quote AS quote
  UNION
  MATCH (m:Meeting)-[d:DISCUSSED]->(s)
  MATCH (art:Article {id: d.article}) WHERE art.pair_key IS NOT NULL
  RETURN art, d.quote AS quote
}
RETURN art.pair_key AS pair, count(DISTINCT art) AS articles, collect(DISTINCT quote)[..3] AS quotes
ORDER BY articles DESC, pair
