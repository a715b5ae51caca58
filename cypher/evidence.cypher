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
  // between a leader and a state: LEADS edges, one an article. A busy leader and a busy state
  // each have tens of thousands: the count the writers keep per state and leader (graph/write.py,
  // ``_TALLY``) says first whether the two have any
  WITH n, m
  WHERE EXISTS { (:RelgraphMeta {key: 'tally|leader|' + m.iso3 + '|' + n.id}) }
     OR EXISTS { (:RelgraphMeta {key: 'tally|leader|' + n.iso3 + '|' + m.id}) }
  MATCH (n)-[r:LEADS]-(m)
  WHERE r.quote IS NOT NULL
  RETURN r
  UNION
  // the other edges two of a state, a leader and a place can have (graph/write.py), one type at
  // a time: each is read from the end with fewer of that type (a state has no MET_AT edge)
  MATCH (n)-[r:LOCATED_IN]-(m)
  WHERE r.quote IS NOT NULL
  RETURN r
  UNION
  MATCH (n)-[r:MET_AT]-(m)
  WHERE r.quote IS NOT NULL
  RETURN r
  UNION
  MATCH (n)-[r:VISITS]-(m)
  WHERE r.quote IS NOT NULL
  RETURN r
  UNION
  // a call: each side's edge to it of the same article. Read from the side with fewer call and
  // involvement edges: a call's reports are joined by article, not crossed edge by edge
  WITH n, m, COUNT { (n)-[:ON_CALL|INVOLVES]-() } <= COUNT { (m)-[:ON_CALL|INVOLVES]-() } AS from_n
  WITH n, m, CASE WHEN from_n THEN n ELSE m END AS a, CASE WHEN from_n THEN m ELSE n END AS b
  MATCH (a)-[ra:ON_CALL|INVOLVES]-(c:Call)
  WITH n, m, a, b, c, collect(ra) AS ras
  MATCH (c)-[rb:ON_CALL|INVOLVES]-(b)
  WITH n, m, a, c, ras, collect(rb) AS rbs
  WITH n = m AS same, c, CASE WHEN a = n THEN ras ELSE rbs END AS mine, CASE WHEN a = n THEN rbs ELSE ras END AS theirs
  // each side's edges grouped by call and article (an edge of n's side: true)
  UNWIND [x IN mine | [x, true]] + [x IN theirs | [x, false]] AS e
  WITH same, c, e[0].article AS article, collect(e) AS es
  WITH same, [e IN es WHERE e[1] | e[0]] AS rs, size([e IN es WHERE NOT e[1]]) AS others
  UNWIND rs AS r
  // (the same node on both sides: another of its edges to the call, of the same article)
  WITH r WHERE others > CASE WHEN same THEN 1 ELSE 0 END
  RETURN r
}
WITH r, startNode(r) AS s, endNode(r) AS e
OPTIONAL MATCH (art:Article {id: r.article})
RETURN type(r) AS relation, coalesce(s.name, s.iso3, s.id) AS from, coalesce(e.name, e.iso3, e.id) AS to,
       r.quote AS quote, r.start AS start, r.end AS end, r.article AS article, art.published AS published
ORDER BY published, relation
