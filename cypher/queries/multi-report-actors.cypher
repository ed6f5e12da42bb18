// ---
// id: multi-report-actors
// name: Actors seen in more than one report
// category: provenance
// description: Actors that two or more reports name, most named first, with the span of dates and the latest reports.
// parameters:
//   - {name: limit, type: int, default: 200, description: "at most this many actors: one page"}
//   - {name: skip, type: int, default: 0, description: "actors to pass over first: the next page starts at skip=limit"}
//   - {name: ids, type: int, default: 20, description: "at most this many report ids an actor, the latest first (reports counts them all)"}
// columns: [actor, reports, report_ids, first_report, last_report]
// cuts: [{column: report_ids, count: reports, parameter: ids}]
// ---
// Counted for every actor, then the page cut, and only then the report ids collected: an
// actor of a large store is named by thousands of reports.
MATCH (r:Report)-[:MENTIONS]->(a:Actor)
WITH a, count(DISTINCT r) AS reports, min(r.published) AS first_report, max(r.published) AS last_report
WHERE reports > 1
WITH a, reports, first_report, last_report ORDER BY reports DESC, a.name SKIP $skip LIMIT $limit
MATCH (r:Report)-[:MENTIONS]->(a)
WITH a, reports, first_report, last_report, r ORDER BY r.published DESC, r.id SKIP 0
WITH a, reports, first_report, last_report, collect(r.id) AS ids
RETURN a.name AS actor, reports, ids[0..$ids] AS report_ids, first_report, last_report
ORDER BY reports DESC, actor
