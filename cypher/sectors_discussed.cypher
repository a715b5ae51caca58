// Which sectors did two states discuss? Sectors on the agenda of meetings between their
// leaders, and sectors named in articles whose main pair is these two states.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: sector, articles (how many articles support it), quotes (up to three)
MATCH (sa:State {iso3: $a}), (sb:State {iso3: $b})
CALL (sa, sb) {
  MATCH (sa)<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(sb)
  MATCH (m)-[d:DISCUSSED]->(s:Sector)
  RETURN s, d.article AS article, d.quote AS quote
  UNION
  MATCH (sa)<-[:MENTIONS {role: 'actor'}]-(art:Article)-[:MENTIONS {role: 'actor'}]->(sb)
  MATCH (art)-[r:MENTIONS]->(s:Sector)
  RETURN s, r.article AS article, r.quote AS quote
}
RETURN s.id AS sector, count(DISTINCT article) AS articles, collect(DISTINCT quote)[..3] AS quotes
ORDER BY articles DESC, sector
