"""Projects, funds and who does them, read from texts of the genre written for the test (issue 12, facts that
generalise): the organisation a project is run by or with (partner), the fund or initiative it is part of
(part_of), where it is done, and the measures of forum plans and cooperation plans.  Each test is the grammar
of a kind of sentence, not one document's wording; traditional characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def test_the_parties_listed_before_a_verb_of_running_it_together_run_the_project(read):
    facts = read("老挝学校供餐项目于2022年启动。该项目由中国与世界粮食计划署合作实施。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "世界粮食计划署")} <= roles(f)]
    facts = read("老撾學校供餐項目於2022年啟動。該項目由聯合國兒童基金會和世界糧食計劃署共同執行。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "世界粮食计划署")} <= roles(f)]
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "联合国儿童基金会")} <= roles(f)]


def test_the_body_that_carries_out_a_project_after_the_one_that_pays_for_it(read):
    facts = read("中国援柬埔寨农村供水项目近日启动。该项目由中国政府出资、联合国开发计划署执行，旨在改善饮水条件。")
    assert [f for f in facts if {("programme", "中国援柬埔寨农村供水项目"), ("partner", "联合国开发计划署")} <= roles(f)]
