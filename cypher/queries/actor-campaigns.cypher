// ---
// id: actor-campaigns
// name: Campaigns attributed to an actor
// category: actors
// description: The campaigns attributed to an actor (by id, name or alias), when they were seen and by which reports; ATT&CK's own campaigns only with --reference.
// parameters:
//   - {name: actor, type: actor, description: "the actor's id, name or one of its aliases (APT28, Fancy Bear)"}
// columns: [actor, campaign, first_seen, last_seen, confidence, sources]
// ---
MATCH (c:Campaign)-[r:ATTRIBUTED_TO]->(a:Actor)
WHERE a.id = $actor AND (NOT c.reference OR $reference)
RETURN a.name AS actor, c.name AS campaign, c.first_seen AS first_seen, c.last_seen AS last_seen,
       r.confidence AS confidence, r.sources AS sources
ORDER BY first_seen, campaign
