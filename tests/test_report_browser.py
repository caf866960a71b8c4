"""The HTML report of the corpus in a real headless Chromium: it loads from a file
with no console errors, the filters hide and show exactly the findings they name
(counted against the JSON report of the same set), the keyboard reaches and works
them with a visible focus, print hides them, and a screenshot is written.

Needs Debian's chromium and chromium-driver and selenium (the ``test`` extra);
``.ci/run`` installs the first two. Without them the test is skipped, saying why.
"""

from __future__ import annotations

import json
import shutil
import struct
from collections import Counter

import pytest

from conftest import ROOT, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
WIDTH, HEIGHT = 1280, 2000


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_argument(f"--window-size={WIDTH},{HEIGHT}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _shown(driver) -> list[str]:
    """The rule ids of the findings shown, in page order."""
    return [a.get_attribute("data-rule") for a in driver.find_elements("css selector", "article.finding")
            if a.is_displayed()]


def _status(driver) -> str:
    return driver.find_element("id", "shown").text


def test_corpus_report_in_chromium(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    report = tmp_path / "annolint.html"
    assert run(["check", "corpus", "--format", "html", "--output", str(report)], cwd=ROOT).exit_code == 1
    found = json.loads(run(["check", "corpus", "--format", "json"], cwd=ROOT).stdout)["findings"]
    total = len(found)
    by_rule = Counter(f["rule_id"] for f in found)
    assert total == 38 and by_rule["AL010"] == 9

    browser.get(report.as_uri())
    assert browser.title == f"annolint-rapport: {total} bevindingen"
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert browser.find_element(By.CSS_SELECTOR, "nav.filters").is_displayed()  # the script ran
    assert len(_shown(browser)) == total
    assert _status(browser) == f"{total} van {total} bevindingen getoond."

    # a rule filter hides exactly that rule's findings, and shows them again
    browser.find_element(By.CSS_SELECTOR, 'label[for="filter-rule-AL010"]').click()
    shown = _shown(browser)
    assert "AL010" not in shown and len(shown) == total - 9
    assert Counter(shown) == Counter({rule: n for rule, n in by_rule.items() if rule != "AL010"})
    assert _status(browser) == f"{total - 9} van {total} bevindingen getoond."
    browser.find_element(By.ID, "filter-rule-AL010").click()
    assert len(_shown(browser)) == total and _shown(browser).count("AL010") == 9

    # a note: the findings that involve it, on either side
    note = "corpus/03_staf-april.md"
    involving = sum(1 for f in found if note in {f["location"]["path"], *(r["location"]["path"] for r in f["related"])})
    assert involving == 10  # its own 4, and 6 that name it as the other side
    Select(browser.find_element(By.ID, "filter-note")).select_by_visible_text(f"{note} ({involving})")
    assert len(_shown(browser)) == involving
    browser.find_element(By.CSS_SELECTOR, 'button[type="reset"]').click()
    assert len(_shown(browser)) == total and _status(browser) == f"{total} van {total} bevindingen getoond."

    # the keyboard, on a fresh page: Tab reaches the skip link, then the first rule
    # filter, and Space works it
    browser.refresh()
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.text == "Naar de bevindingen"
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.switch_to.active_element
    assert focused.get_attribute("id") == "filter-rule-AL002"
    outline = browser.execute_script("const s = getComputedStyle(document.activeElement);"
                                     "return [s.outlineStyle, s.outlineWidth];")
    assert outline == ["solid", "3px"]  # a focus that shows
    focused.send_keys(Keys.SPACE)
    assert len(_shown(browser)) == total - by_rule["AL002"] and "AL002" not in _shown(browser)
    focused.send_keys(Keys.SPACE)
    assert len(_shown(browser)) == total

    # a screenshot of the page as a reader first sees it
    screenshot = tmp_path / "annolint-report.png"
    assert browser.save_screenshot(str(screenshot))
    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == WIDTH and height > 1000
    print(f"screenshot: {screenshot}")

    # printed: no filters, every finding that is shown
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find_element(By.CSS_SELECTOR, "nav.filters").is_displayed()
    assert len(_shown(browser)) == total
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
