-- The policy version a rebuild request asks for: during a rolling deployment instances of two policy versions run
-- side by side, and only an instance of the requested version or a later one carries the rebuild out, so that the
-- version the views record never goes back.
alter table query.view_build add column rebuild_policy_version integer;
