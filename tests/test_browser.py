"""As a person would: headless Chromium (Debian's package, driven by selenium through /usr/bin/chromedriver)
goes from the landing page to an entity, its evidence in a document, and runs an example query.
Screenshots are saved in tests/artifacts/ (git-ignored)."""
from __future__ import annotations

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from site_server import site  # noqa: F401 - the fixture

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert Path(CHROMEDRIVER).exists(), "chromium-driver is not installed: run 'make browser' (Debian packages)"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 "--window-size=1280,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 5000  # a picture, not a blank
    return path


def wait(driver, condition, seconds: float = 30):
    return WebDriverWait(driver, seconds).until(condition)


def search(driver, site: str, text: str) -> None:
    driver.get(site + "/")
    box = driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.clear()
    box.send_keys(text)
    driver.find_element(By.CSS_SELECTOR, "form.search button").click()
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "ol.hits a.hit")))


def test_landing_page(browser, site):
    browser.get(site + "/")
    assert "合作知识图谱" in browser.title
    assert int(browser.find_element(By.ID, "n-entities").text) > 100
    shot(browser, "01-landing")


def test_search_entity_mention_document(browser, site):
    search(browser, site, "巴基斯坦")
    first = browser.find_elements(By.CSS_SELECTOR, "ol.hits a.hit")[0]
    assert first.text == "巴基斯坦"
    shot(browser, "02-search-simplified")
    first.click()
    wait(browser, EC.url_contains("/id/country/PAK"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("巴基斯坦")
    assert browser.find_element(By.CSS_SELECTOR, "a.link.wikidata").get_attribute("href").endswith("/Q843")
    assert browser.find_element(By.CSS_SELECTOR, "figure.picture svg")
    shot(browser, "03-entity")
    mention = browser.find_elements(By.CSS_SELECTOR, "li.mention")[0]
    assert mention.find_element(By.TAG_NAME, "mark").text == "巴基斯坦"
    mention.find_element(By.CSS_SELECTOR, "a.doc-link").click()
    wait(browser, EC.url_contains("/id/doc/"))
    fragment = browser.current_url.split("#", 1)[1]
    target = browser.find_element(By.ID, fragment)
    assert target.text == "巴基斯坦" and target.get_attribute("href").endswith("/id/country/PAK")
    assert browser.execute_script("return document.querySelector(':target') !== null")
    shot(browser, "04-document-at-mention")


def test_search_traditional(browser, site):
    search(browser, site, "聯合國開發計劃署")  # traditional; the graph has 联合国开发计划署
    first = browser.find_elements(By.CSS_SELECTOR, "ol.hits a.hit")[0]
    assert first.text == "联合国开发计划署"
    shot(browser, "05-search-traditional")
    first.click()
    wait(browser, EC.url_contains("/id/org/united-nations-development-programme"))


def test_run_an_example_query(browser, site):
    browser.get(site + "/")
    Select(browser.find_element(By.ID, "example")).select_by_value("07-countries-with-links")
    assert "owl:sameAs" in browser.find_element(By.ID, "query").get_attribute("value")
    browser.find_element(By.ID, "run").click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#results table.results tr + tr")), 60)
    rows = browser.find_elements(By.CSS_SELECTOR, "#results table.results tr")
    assert len(rows) > 10
    assert "rows" in browser.find_element(By.ID, "status").text
    link = browser.find_element(By.CSS_SELECTOR, "#results a[href^='/id/']")  # an IRI of the graph, a page here
    shot(browser, "06-example-query")
    link.click()
    wait(browser, EC.url_contains("/id/"))
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text


