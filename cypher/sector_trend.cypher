// How did the sectors two states discuss change over time? Articles per sector and month.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: month (YYYY-MM), sector, articles
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
// the articles of a pair per month and sector are counted by the writers as articles come and go
// (graph/write.py, ``_TALLY``): one node a row, not every sector mention of the pair
MATCH (t:Tally {kind: 'sector', of: key})
RETURN t.other AS month, t.role AS sector, t.articles AS articles
ORDER BY month, articles DESC, sector
