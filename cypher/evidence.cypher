// The quotes behind the edges between two entities (states, leaders, places), one row per
// assertion: which article said it, with the exact quote and its offsets.
// param x: a state (ISO3, name or alias), a leader or a place (example: Vladimir Putin)
// param y: another one (example: Vostochny Cosmodrome)
// returns: relation, from, to, quote, start, end, article, published
MATCH (n) WHERE n.iso3 = $x OR n.id = $x
MATCH (m) WHERE m.iso3 = $y OR m.id = $y
MATCH (n)-[r]-(m)
WHERE r.quote IS NOT NULL
WITH r, startNode(r) AS s, endNode(r) AS e
OPTIONAL MATCH (art:Article {id: r.article})
RETURN type(r) AS relation, coalesce(s.name, s.iso3, s.id) AS from, coalesce(e.name, e.iso3, e.id) AS to,
       r.quote AS quote, r.start AS start, r.end AS end, r.article AS article, art.published AS published
ORDER BY published, relation
