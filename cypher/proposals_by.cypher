// What did a leader, or a state and its leaders, propose (invitations included), and to whom?
// The other side is the other state of the article's main pair.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Vladimir Putin)
// param to?: only proposals in articles about this other state, or null (example: PRK)
// param since?: only articles published on or after this ISO date, or null (example: 2023-01-01)
// param until?: only articles published on or before this ISO date, or null (example: 2024-12-31)
// returns: by, partner (the other state of the article's pair), sector, what, quote, published, article
CALL () {
  MATCH (x:Leader {id: $who}) RETURN x
  UNION
  MATCH (x:Leader {state: $who}) RETURN x
  UNION
  MATCH (x:State {iso3: $who}) RETURN x
}
// a project's reports are one proposer's, about one pair, published in one month (graph/events.py:
// its ``by``, ``pair_key`` and ``month`` are theirs): the proposer's projects of the period are read
// from the (by, month) index, and only the reports of those about the partner
WITH x, coalesce(x.id, x.iso3) AS by, coalesce(x.state, x.iso3) AS mine
CALL (by, mine) {
  MATCH (pr:Project)
  WHERE pr.by = by
    AND pr.month >= coalesce(substring($since, 0, 7), '') AND pr.month <= coalesce(substring($until, 0, 7), '\uffff')
    AND ($to IS NULL OR $to IN [s IN split(coalesce(pr.pair_key, ''), '-') WHERE s <> mine])
  RETURN pr
}
// (from the project: the proposer has an edge for each of its reports, the project only its own)
MATCH (pr)<-[p:PROPOSES]-(y) WHERE y = x
MATCH (art:Article {id: p.article})
WITH x, p, pr, art, [s IN coalesce(art.pair, []) WHERE s <> coalesce(x.state, x.iso3)] AS other
WHERE ($to IS NULL OR $to IN other)
  AND ($since IS NULL OR art.published >= $since) AND ($until IS NULL OR art.published <= $until)
// (an edge per report on the project: the article's found by its index, not the project's read)
OPTIONAL MATCH (pr)-[ins:IN_SECTOR {article: art.id}]->(s:Sector) USING INDEX ins:IN_SECTOR(article)
RETURN coalesce(x.name, x.iso3) AS by, other AS partner, s.id AS sector, p.what AS what, p.quote AS quote,
       art.published AS published, art.id AS article
ORDER BY published, by
