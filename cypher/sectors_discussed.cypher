// Which sectors did two states discuss? Sectors named in the articles whose main pair is these
// two states, and on the agenda of the meetings those articles report.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// param since?: only articles published on or after this ISO date, or null (example: 2023-01-01)
// param until?: only articles published on or before this ISO date, or null (example: 2023-12-31)
// returns: sector, articles (how many articles support it), quotes (up to three)
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
// the pair's articles of the period, from the (pair_key, published) index: none of the others is
// read (an article without a publication date is in no period: read only when none is given)
CALL (key) {
  MATCH (art:Article)
  WHERE art.pair_key = key AND art.published >= coalesce($since, '') AND art.published <= coalesce($until, '\uffff')
  RETURN art
  UNION
  MATCH (art:Article)
  WHERE art.pair_key = CASE WHEN $since IS NULL AND $until IS NULL THEN key END AND art.published IS NULL
  RETURN art
}
CALL (art) {
  MATCH (art)-[r:MENTIONS]->(s:Sector)
  RETURN s, r.quote AS quote, r.start AS start
  UNION
  MATCH (m:Meeting)-[d:DISCUSSED {article: art.id}]->(s:Sector)
  RETURN s, d.quote AS quote, d.start AS start
}
// the quotes in a defined order: oldest article first, then by offset (before: the order the
// edges were read, which differs from one writer to another)
WITH s, art, quote ORDER BY art.published, art.id, start, quote
RETURN s.id AS sector, count(DISTINCT art) AS articles, collect(DISTINCT quote)[..3] AS quotes
ORDER BY articles DESC, sector
