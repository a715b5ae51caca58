"""Not collected by the suite (its name does not start with ``test_``): test_safety.py runs it in
a second pytest session against a graph that session did not make, to watch the guard refuse."""


def test_starts_on_an_empty_graph(driver):
    n = driver.execute_query("MATCH (n) WHERE NOT n:RelgraphMeta RETURN count(n) AS n").records[0]["n"]
    assert n == 0
