// Every dated fact between two states, in order: meetings of their leaders (one row per resolved
// meeting, however many articles report it), their phone or video calls, visits of one side's
// leaders to the other side (one row per resolved visit), proposals made in articles about the
// pair (one row per resolved project, dated by its first report's publication).
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: date, fact (meeting, call, visit or proposal), status, who, what, quote, article, articles (how many report it)
CALL () {
  MATCH (:State {iso3: $a})<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(:State {iso3: $b})
  WITH DISTINCT m
  MATCH (l:Leader)-[at:ATTENDED]->(m)
  OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
  WITH m, collect(DISTINCT l.name) AS who, min(f.name) AS what, min(at.quote) AS quote, min(at.article) AS article,
       count(DISTINCT at.article) AS articles
  RETURN m.date AS date, 'meeting' AS fact, m.status AS status, who, what, quote, article, articles
  UNION
  MATCH (:State {iso3: $a})<-[:INVOLVES]-(c:Call)-[:INVOLVES]->(:State {iso3: $b})
  MATCH (l:Leader)-[oc:ON_CALL]->(c)
  WITH c, collect(DISTINCT l.name) AS who, min(oc.quote) AS quote, min(oc.article) AS article,
       count(DISTINCT oc.article) AS articles
  RETURN c.date AS date, 'call' AS fact, c.status AS status, who, null AS what, quote, article, articles
  UNION
  UNWIND [[$a, $b], [$b, $a]] AS side
  MATCH (l:Leader {state: side[0]})-[ov:ON_VISIT]->(v:Visit {host_state: side[1]})
  OPTIONAL MATCH (v)-[:TO]->(p)
  WITH v, l, min(coalesce(p.name, p.iso3)) AS what, min(ov.quote) AS quote, min(ov.article) AS article,
       count(DISTINCT ov.article) AS articles
  RETURN v.date AS date, 'visit' AS fact, v.status AS status, [l.name] AS who, what, quote, article, articles
  UNION
  WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
  MATCH (pr:Project {pair_key: key})<-[p:PROPOSES]-(x)
  WITH pr, x, min(p.quote) AS quote, min(p.article) AS article, count(DISTINCT p.article) AS articles
  RETURN pr.first AS date, 'proposal' AS fact, null AS status, [coalesce(x.name, x.iso3)] AS who,
         pr.name AS what, quote, article, articles
}
WITH date, fact, status, who, what, quote, article, articles WHERE date IS NOT NULL
RETURN date, fact, status, who, what, quote, article, articles
ORDER BY date, fact
