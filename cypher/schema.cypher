// Generated from graphkit/schema.py by `graphkit schema --cypher neo4j`. Do not edit.
// A uniqueness constraint on every node key, an index on every name, and one on the
// review queue's key of every type a review reads.
CREATE CONSTRAINT report_id_unique IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT campaign_id_unique IF NOT EXISTS FOR (n:Campaign) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id_unique IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id_unique IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT language_id_unique IF NOT EXISTS FOR (n:Language) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sector_id_unique IF NOT EXISTS FOR (n:Sector) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT technique_id_unique IF NOT EXISTS FOR (n:Technique) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tactic_id_unique IF NOT EXISTS FOR (n:Tactic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mitigation_id_unique IF NOT EXISTS FOR (n:Mitigation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT platform_id_unique IF NOT EXISTS FOR (n:Platform) REQUIRE n.id IS UNIQUE;
CREATE INDEX report_name IF NOT EXISTS FOR (n:Report) ON (n.name);
CREATE INDEX campaign_name IF NOT EXISTS FOR (n:Campaign) ON (n.name);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX language_name IF NOT EXISTS FOR (n:Language) ON (n.name);
CREATE INDEX sector_name IF NOT EXISTS FOR (n:Sector) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX technique_name IF NOT EXISTS FOR (n:Technique) ON (n.name);
CREATE INDEX tactic_name IF NOT EXISTS FOR (n:Tactic) ON (n.name);
CREATE INDEX mitigation_name IF NOT EXISTS FOR (n:Mitigation) ON (n.name);
CREATE INDEX platform_name IF NOT EXISTS FOR (n:Platform) ON (n.name);
CREATE INDEX describes_review_key IF NOT EXISTS FOR ()-[r:DESCRIBES]-() ON (r.review_key);
CREATE INDEX attributed_to_review_key IF NOT EXISTS FOR ()-[r:ATTRIBUTED_TO]-() ON (r.review_key);
CREATE INDEX linked_to_review_key IF NOT EXISTS FOR ()-[r:LINKED_TO]-() ON (r.review_key);
CREATE INDEX uses_language_review_key IF NOT EXISTS FOR ()-[r:USES_LANGUAGE]-() ON (r.review_key);
CREATE INDEX targets_review_key IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.review_key);
CREATE INDEX uses_review_key IF NOT EXISTS FOR ()-[r:USES]-() ON (r.review_key);
CREATE INDEX abuses_review_key IF NOT EXISTS FOR ()-[r:ABUSES]-() ON (r.review_key);
CREATE INDEX subtechnique_of_review_key IF NOT EXISTS FOR ()-[r:SUBTECHNIQUE_OF]-() ON (r.review_key);
CREATE INDEX in_tactic_review_key IF NOT EXISTS FOR ()-[r:IN_TACTIC]-() ON (r.review_key);
CREATE INDEX mitigates_review_key IF NOT EXISTS FOR ()-[r:MITIGATES]-() ON (r.review_key);
CREATE INDEX maps_to_review_key IF NOT EXISTS FOR ()-[r:MAPS_TO]-() ON (r.review_key);
