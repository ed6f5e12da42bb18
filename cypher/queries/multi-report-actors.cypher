// ---
// id: multi-report-actors
// name: Actors seen in more than one report
// category: provenance
// description: Actors that two or more reports name, with the reports and the span of dates.
// columns: [actor, reports, report_ids, first_report, last_report]
// ---
MATCH (r:Report)-[:MENTIONS]->(a:Actor)
WITH a, count(DISTINCT r) AS reports, collect(DISTINCT r.id) AS report_ids,
     min(r.published) AS first_report, max(r.published) AS last_report
WHERE reports > 1
RETURN a.name AS actor, reports, report_ids, first_report, last_report
ORDER BY reports DESC, actor
