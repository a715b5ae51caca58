// Where did a leader, or the leaders of a state, go? One row per visitor, place and day (a dated
// trip reported by several articles is one row), with the number of articles, their languages and
// sources, and a quote.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Kim Jong Un)
// param since?: only visits dated on or after this ISO date, or null (example: 2023-01-01)
// param until?: only visits dated on or before this ISO date, or null (example: 2024-12-31)
// returns: visitor, place, host_state, date, status, articles, languages, sources, quote
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
MATCH (l)-[v:VISITS]->(p)
WHERE ($since IS NULL OR v.date >= $since) AND ($until IS NULL OR v.date <= $until)
// an undated report is a trip of its own: nothing says which of the dated ones it is
WITH l, p, v.host_state AS host_state, coalesce(v.date, v.article) AS trip, v.date AS date,
     collect(v) AS vs
CALL (vs) {
  UNWIND vs AS v
  MATCH (art:Article {id: v.article})
  OPTIONAL MATCH (art)-[:REPORTED_BY]->(s:Source)
  WITH count(DISTINCT art) AS articles, collect(DISTINCT art.lang) AS languages,
       collect(DISTINCT s.name) + collect(DISTINCT art.outlet) AS names
  RETURN articles, languages, reduce(o = [], x IN names | CASE WHEN x IN o THEN o ELSE o + x END) AS sources
}
RETURN l.name AS visitor, coalesce(p.name, p.iso3) AS place, host_state, date,
       CASE WHEN any(v IN vs WHERE v.status = 'held') THEN 'held' ELSE head([v IN vs | v.status]) END AS status,
       articles, languages, sources, [v IN vs | v.quote][0] AS quote
ORDER BY date, visitor
