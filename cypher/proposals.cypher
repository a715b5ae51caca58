// What did each side propose to the other? Proposals (invitations included) made in articles
// about the two states, with who, what, the sector and the quote.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: by, sector, what, quote, published, article
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (art:Article {pair_key: key})
UNWIND art.projects AS pid
MATCH (pr:Project {id: pid})<-[p:PROPOSES]-(x)
WHERE p.article = art.id
OPTIONAL MATCH (pr)-[ins:IN_SECTOR]->(s:Sector) WHERE ins.article = art.id
RETURN coalesce(x.name, x.iso3) AS by, s.id AS sector, p.what AS what, p.quote AS quote,
       art.published AS published, art.id AS article
ORDER BY published, by
