// Which pairs of states discussed a sector? Pairs ranked by the number of articles.
// param sector: a sector id of the taxonomy (example: space)
// returns: pair, articles, quotes (up to three)
MATCH (:Sector {id: $sector})<-[r:MENTIONS]-()
WITH r.pair AS pair, collect(r)[..3] AS some, count(*) AS articles
WHERE pair IS NOT NULL
RETURN pair, articles, [x IN some | x.quote] AS quotes
ORDER BY articles DESC, pair
