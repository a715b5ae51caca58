// Every dated fact between two states, in order: meetings of their leaders (one row per resolved
// meeting, however many articles report it), their phone or video calls, visits of one side's
// leaders to the other side, proposals made in articles about the pair.
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
  MATCH (l:Leader {state: side[0]})-[v:VISITS]->(p)
  WHERE v.host_state = side[1]
  RETURN v.date AS date, 'visit' AS fact, v.status AS status, [l.name] AS who, p.name AS what,
         v.quote AS quote, v.article AS article, 1 AS articles
  UNION
  WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
  MATCH (art:Article {pair_key: key})
  UNWIND art.projects AS pid
  MATCH (:Project {id: pid})<-[p:PROPOSES]-(x)
  WHERE p.article = art.id
  RETURN art.published AS date, 'proposal' AS fact, null AS status, [coalesce(x.name, x.iso3)] AS who,
         p.what AS what, p.quote AS quote, p.article AS article, 1 AS articles
}
WITH date, fact, status, who, what, quote, article, articles WHERE date IS NOT NULL
RETURN date, fact, status, who, what, quote, article, articles
ORDER BY date, fact
