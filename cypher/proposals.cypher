// What did each side propose to the other? One row per resolved project (the same proposal
// reported by several articles, in any language, in one month is one row: graph/events.py), made
// in articles about the two states, with the sector, the first report's quote, how many articles,
// languages, sources, and why its reports were joined.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: by, sector, what, quote, published, article, articles, languages, sources, joined_by
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (pr:Project {pair_key: key})<-[p:PROPOSES]-(x)
MATCH (art:Article {id: p.article})
OPTIONAL MATCH (art)-[:REPORTED_BY]->(src:Source)
WITH pr, x, art, p, src ORDER BY art.published, art.id, p.start
WITH pr, x, collect(DISTINCT art) AS arts, collect(p) AS ps,
     collect(DISTINCT src.name) + [a IN collect(DISTINCT art) | a.outlet] AS names
RETURN coalesce(x.name, x.iso3) AS by, pr.sector AS sector, ps[0].what AS what, ps[0].quote AS quote,
       arts[0].published AS published, arts[0].id AS article, size(arts) AS articles,
       reduce(ls = [], a2 IN arts | CASE WHEN a2.lang IS NULL OR a2.lang IN ls THEN ls ELSE ls + a2.lang END)
         AS languages,
       reduce(o = [], x IN [n IN names WHERE n IS NOT NULL] | CASE WHEN x IN o THEN o ELSE o + x END) AS sources,
       pr.joined_by AS joined_by
ORDER BY published, by
