// The quotes behind the edges between two entities (states, leaders, places), one row per
// assertion: which article said it, with the exact quote and its offsets. A phone or video call
// joins its participants (and the states it involves) through the Call node: its quotes count.
// param x: a state (ISO3, name or alias), a leader or a place (example: Vladimir Putin)
// param y: another one (example: Vostochny Cosmodrome)
// returns: relation, from, to, quote, start, end, article, published
CALL () {
  MATCH (n:State {iso3: $x}) RETURN n
  UNION
  MATCH (n:Leader {id: $x}) RETURN n
  UNION
  MATCH (n:Facility {id: $x}) RETURN n
}
CALL () {
  MATCH (m:State {iso3: $y}) RETURN m
  UNION
  MATCH (m:Leader {id: $y}) RETURN m
  UNION
  MATCH (m:Facility {id: $y}) RETURN m
}
CALL (n, m) {
  MATCH (n)-[r]-(m)
  WHERE r.quote IS NOT NULL
  RETURN r
  UNION
  MATCH (n)-[r:ON_CALL|INVOLVES]-(:Call)-[q:ON_CALL|INVOLVES]-(m)
  WHERE r.article = q.article
  RETURN r
}
WITH r, startNode(r) AS s, endNode(r) AS e
OPTIONAL MATCH (art:Article {id: r.article})
RETURN type(r) AS relation, coalesce(s.name, s.iso3, s.id) AS from, coalesce(e.name, e.iso3, e.id) AS to,
       r.quote AS quote, r.start AS start, r.end AS end, r.article AS article, art.published AS published
ORDER BY published, relation
