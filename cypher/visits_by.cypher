// Where did a leader, or the leaders of a state, go? Visits with their status and quote.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Kim Jong Un)
// param since?: only visits dated on or after this ISO date, or null (example: 2023-01-01)
// param until?: only visits dated on or before this ISO date, or null (example: 2024-12-31)
// returns: visitor, place, host_state, date, status, quote
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
MATCH (l)-[v:VISITS]->(p)
WHERE ($since IS NULL OR v.date >= $since) AND ($until IS NULL OR v.date <= $until)
RETURN l.name AS visitor, coalesce(p.name, p.iso3) AS place, v.host_state AS host_state,
       v.date AS date, v.status AS status, v.quote AS quote
ORDER BY date, visitor
