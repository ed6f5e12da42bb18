// ---
// id: campaigns-per-report
// name: Campaigns per report
// category: reports
// description: Each report with its publisher, date and the number of campaigns and actors it describes, in date order, one page at a time.
// parameters:
//   - {name: limit, type: int, default: 200, description: "at most this many rows: one page"}
//   - {name: skip, type: int, default: 0, description: "rows to pass over first: the next page starts at skip=limit"}
// columns: [published, publisher, report, title, campaigns, actors]
// ---
// The page is cut from the reports before their campaigns and actors are counted.
MATCH (r:Report)
WHERE EXISTS { MATCH (r)-[:DESCRIBES]->(:Campaign) }
WITH r ORDER BY r.published, r.id SKIP $skip LIMIT $limit
MATCH (r)-[:DESCRIBES]->(c:Campaign)
OPTIONAL MATCH (c)-[:ATTRIBUTED_TO]->(a:Actor)
RETURN r.published AS published, r.publisher AS publisher, r.id AS report, r.name AS title,
       count(DISTINCT c) AS campaigns, count(DISTINCT a) AS actors
ORDER BY published, report
