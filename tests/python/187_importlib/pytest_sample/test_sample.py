import pytest


def inc(x):
    return x + 1


def test_ok():
    assert inc(3) == 4


def test_rewritten_assert():
    assert [inc(1), 2] == [1, 3]


@pytest.mark.parametrize("a,b", [(1, 2), (2, 3), (5, 7)])
def test_param(a, b):
    assert inc(a) == b


@pytest.fixture
def thing():
    return {"x": 1}


def test_fixtures(thing, tmp_path, monkeypatch, capsys, caplog):
    import logging
    print("hello")
    logging.getLogger("t").warning("logged")
    monkeypatch.setenv("GILPY_T", "1")
    (tmp_path / "f").write_text("data")
    assert thing["x"] == 1 and (tmp_path / "f").read_text() == "data"
    assert capsys.readouterr().out == "hello\n"
    assert "logged" in caplog.text


def test_raises():
    with pytest.raises(ZeroDivisionError, match="division"):
        1 / 0
