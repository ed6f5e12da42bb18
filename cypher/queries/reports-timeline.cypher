// ---
// id: reports-timeline
// name: Reports over time
// category: reports
// description: Reports in date order with the actors, techniques and sectors each one names.
// parameters:
//   - {name: limit, type: int, default: 200, description: "at most this many rows: one page"}
//   - {name: skip, type: int, default: 0, description: "rows to pass over first: the next page starts at skip=limit"}
// columns: [published, report, publisher, actors, techniques, sectors]
// ---
MATCH (r:Report)
WITH r ORDER BY r.published, r.id SKIP $skip LIMIT $limit
RETURN r.published AS published, r.id AS report, r.publisher AS publisher,
       COUNT { MATCH (r)-[:MENTIONS]->(:Actor) } AS actors,
       COUNT { MATCH (r)-[:MENTIONS]->(:Technique) } AS techniques,
       COUNT { MATCH (r)-[:MENTIONS]->(:Sector) } AS sectors
ORDER BY published, report
