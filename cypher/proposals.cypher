// What did each side propose to the other? One row per resolved project (the same proposal
// reported by several articles, in any language, in one month is one row: graph/events.py), made
// in articles about the two states, with the sector, the first report's quote, how many articles,
// languages, sources, and why its reports were joined.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: by, sector, what, quote, published, article, articles, languages, sources, joined_by
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (pr:Project {pair_key: key})
// a project's reports are one proposer's (graph/events.py): it is on the node, and so is what
// this question shows of its reports' articles (``events.project_summary``: the first report in
// order of publication, how many articles, their languages and sources), so no report's article
// is read (the busiest pair's 120 projects at 100k bench articles, not its 1,818 reports' articles)
CALL (pr) {
  MATCH (x:Leader {id: pr.by}) RETURN x
  UNION
  MATCH (x:State {iso3: pr.by}) RETURN x
}
WITH pr, x WHERE EXISTS { (x)-[:PROPOSES]->(pr) }
RETURN coalesce(x.name, x.iso3) AS by, pr.sector AS sector, pr.first_what AS what, pr.first_quote AS quote,
       pr.first AS published, pr.first_article AS article, pr.articles AS articles, pr.languages AS languages,
       pr.sources AS sources, pr.joined_by AS joined_by
ORDER BY published, by
