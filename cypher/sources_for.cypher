// Which agencies and outlets reported on two states' relations, and how many facts each?
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: source, type, kind (credit, publisher, photo, broadcaster), articles, facts (meetings and proposals in those articles)
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
// the articles of a pair per source and kind, and their facts, are counted by the writers as
// articles come and go (graph/write.py, ``_TALLY``): one node a row, not every source edge
MATCH (t:Tally {kind: 'source', of: key})
MATCH (s:Source {name: t.other})
RETURN s.name AS source, s.kind AS type, t.role AS kind, t.articles AS articles, t.facts AS facts
ORDER BY articles DESC, facts DESC, source, kind
