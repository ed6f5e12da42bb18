// ---
// id: actor-campaigns
// name: Campaigns attributed to an actor
// category: actors
// description: The campaigns attributed to an actor (by id, name or alias), when they were seen and by which reports, one page at a time; ATT&CK's own campaigns only with --reference.
// parameters:
//   - {name: actor, type: actor, description: "the actor's id, name or one of its aliases (APT28, Fancy Bear)"}
//   - {name: limit, type: int, default: 200, description: "at most this many rows: one page"}
//   - {name: skip, type: int, default: 0, description: "rows to pass over first: the next page starts at skip=limit"}
// columns: [actor, campaign, first_seen, last_seen, confidence, sources]
// ---
// The page is cut before the edges' source lists are read.
MATCH (c:Campaign)-[r:ATTRIBUTED_TO]->(a:Actor)
WHERE a.id = $actor AND (NOT c.reference OR $reference)
WITH a, c, r ORDER BY c.first_seen, c.name, c.id SKIP $skip LIMIT $limit
RETURN a.name AS actor, c.name AS campaign, c.first_seen AS first_seen, c.last_seen AS last_seen,
       r.confidence AS confidence, r.sources AS sources
ORDER BY first_seen, campaign
