// Every dated fact between two states, in order: meetings of their leaders (one row per resolved
// meeting, however many articles report it), their phone or video calls, visits of one side's
// leaders to the other side (one row per resolved visit), proposals made in articles about the
// pair (one row per resolved project, dated by its first report's publication). The newest
// `limit` facts (100 unless given), in date order; `total` says how many there are in all.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// param limit?: at most this many facts, the newest ones, or null for 100 (example: 100)
// returns: date, fact (meeting, call, visit or proposal), status, who, what, quote, article, articles (how many report it), total (facts in all)
CALL () {
  MATCH (:State {iso3: $a})<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(:State {iso3: $b})
  WITH DISTINCT m
  WHERE m.date IS NOT NULL AND EXISTS { (m)<-[:ATTENDED]-() }
  RETURN m.date AS date, 'meeting' AS fact, m AS n, null AS x
  UNION
  MATCH (:State {iso3: $a})<-[:INVOLVES]-(c:Call)-[:INVOLVES]->(:State {iso3: $b})
  WITH DISTINCT c
  WHERE c.date IS NOT NULL AND EXISTS { (c)<-[:ON_CALL]-(:Leader) }
  RETURN c.date AS date, 'call' AS fact, c AS n, null AS x
  UNION
  UNWIND [[$a, $b], [$b, $a]] AS side
  MATCH (l:Leader {state: side[0]})
  // a visit's block is its traveller and host state (graph/events.py): an index seek, no report edge read
  MATCH (v:Visit)
  WHERE v.block = l.id + '>' + side[1] AND v.lo IS NOT NULL AND v.date IS NOT NULL
  RETURN v.date AS date, 'visit' AS fact, v AS n, l AS x
  UNION
  WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
  MATCH (pr:Project {pair_key: key})<-[:PROPOSES]-(x)
  WITH DISTINCT pr, x
  WHERE pr.first IS NOT NULL
  RETURN pr.first AS date, 'proposal' AS fact, pr AS n, x
}
// the page is cut before each fact's reports are read: the cost is that of the page
WITH date, fact, n, x ORDER BY date DESC, fact, n.id, coalesce(x.id, x.iso3)
WITH collect({date: date, fact: fact, n: n, x: x}) AS facts
UNWIND facts[..coalesce($limit, 100)] AS f
WITH f.date AS date, f.fact AS fact, f.n AS n, f.x AS x, size(facts) AS total
CALL (fact, n, x) {
  WITH fact, n WHERE fact = 'meeting'
  MATCH (l:Leader)-[at:ATTENDED]->(n)
  OPTIONAL MATCH (n)-[:HELD_AT]->(p:Facility)
  WITH n, collect(DISTINCT l.name) AS who, min(p.name) AS what, min(at.quote) AS quote, min(at.article) AS article,
       count(DISTINCT at.article) AS articles
  RETURN n.status AS status, who, what, quote, article, articles
  UNION
  WITH fact, n WHERE fact = 'call'
  MATCH (l:Leader)-[oc:ON_CALL]->(n)
  WITH n, collect(DISTINCT l.name) AS who, min(oc.quote) AS quote, min(oc.article) AS article,
       count(DISTINCT oc.article) AS articles
  RETURN n.status AS status, who, null AS what, quote, article, articles
  UNION
  WITH fact, n, x WHERE fact = 'visit'
  MATCH (x)-[ov:ON_VISIT]->(n)
  OPTIONAL MATCH (n)-[:TO]->(p)
  WITH n, x, min(coalesce(p.name, p.iso3)) AS what, min(ov.quote) AS quote, min(ov.article) AS article,
       count(DISTINCT ov.article) AS articles
  RETURN n.status AS status, [x.name] AS who, what, quote, article, articles
  UNION
  WITH fact, n, x WHERE fact = 'proposal'
  MATCH (x)-[p:PROPOSES]->(n)
  WITH n, x, min(p.quote) AS quote, min(p.article) AS article, count(DISTINCT p.article) AS articles
  RETURN null AS status, [coalesce(x.name, x.iso3)] AS who, n.name AS what, quote, article, articles
}
RETURN date, fact, status, who, what, quote, article, articles, total
ORDER BY date, fact
