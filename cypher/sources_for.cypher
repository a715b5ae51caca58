// Which agencies and outlets reported on two states' relations, and how many facts each?
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: source, type, kind (credit, publisher, photo, broadcaster), articles, facts (meetings and proposals in those articles)
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
// a source edge carries its article's pair (graph/write.py), indexed: only the pair's edges are read
MATCH (art:Article)-[rb:REPORTED_BY]->(s:Source)
WHERE rb.pair = key
CALL (art) {
  UNWIND coalesce(art.meeting_spans, []) + coalesce(art.projects, []) AS fid
  RETURN count(fid) AS n
}
RETURN s.name AS source, s.kind AS type, rb.kind AS kind, count(DISTINCT art) AS articles, sum(n) AS facts
ORDER BY articles DESC, facts DESC, source
