"""Helpers for driving the Tocsin console in headless Chromium with Selenium."""
import os
import re
import shutil
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait


class Failure(Exception):
    """A step of the journey did not see what it expected."""


ALIASES = {"author": ("author", 0), "reviewer": ("reviewer", 0), "reviewer2": ("reviewer", 1),
           "abadmin": ("address_book_admin", 0), "operator": ("operator", 0), "secadmin": ("security_admin", 0),
           "auditadmin": ("audit_admin", 0), "sysadmin": ("system_admin", 0)}


def logins(path):
    """{alias: (user name, password)} from the demo's logins file (`name<TAB>role<TAB>password`),
    with the aliases the journey uses (author, reviewer, reviewer2, abadmin, operator, secadmin,
    auditadmin, sysadmin)."""
    by_role = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, role, password = line.rstrip("\n").split("\t")
                by_role.setdefault(role, []).append((name, password))
    return {alias: by_role[role][i] for alias, (role, i) in ALIASES.items() if len(by_role.get(role, [])) > i}


class Console:
    def __init__(self, base, shots, passwords):
        self.base = base.rstrip("/")
        self.shots = shots
        self.passwords = passwords
        options = webdriver.ChromeOptions()
        options.add_argument("--headless=new")
        options.add_argument("--window-size=1366,768")
        options.add_argument("--no-sandbox")
        options.add_argument("--disable-dev-shm-usage")
        options.add_argument("--lang=zh-CN")
        options.add_argument("--font-render-hinting=none")
        for binary in ("chromium", "chromium-browser"):
            path = shutil.which(binary)
            if path:
                options.binary_location = path
                break
        driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        self.driver = webdriver.Chrome(service=Service(driver_path), options=options)
        self.driver.set_window_size(1366, 768)
        # A condition may read the page while a form submit replaces it: that element is then
        # stale, which means "not yet", not a failure.
        self.wait = WebDriverWait(self.driver, 20, ignored_exceptions=[StaleElementReferenceException])

    def close(self):
        self.driver.quit()

    def open(self, path):
        self.driver.get(self.base + path)

    def shot(self, name):
        path = os.path.join(self.shots, name + ".png")
        self.driver.save_screenshot(path)
        print("   screenshot", path)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def expect_text(self, *needles):
        body = self.text()
        for needle in needles:
            if needle not in body:
                raise Failure(f"expected {needle!r} on {self.driver.current_url}")

    def login(self, name):
        self.driver.delete_all_cookies()
        self.open("/console/login")
        user, password = self.passwords[name]
        self.driver.find_element(By.ID, "name").send_keys(user)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait.until(lambda d: "/console/login" not in d.current_url)
        print(f"   logged in as {name}")

    def click(self, css):
        element = self.driver.find_element(By.CSS_SELECTOR, css)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def accept_confirm(self):
        try:
            WebDriverWait(self.driver, 5).until(EC.alert_is_present())
            self.driver.switch_to.alert.accept()
        except (TimeoutException, NoAlertPresentException):
            pass

    def exists(self, css):
        return len(self.driver.find_elements(By.CSS_SELECTOR, css)) > 0

    def status_of(self, method, path):
        """HTTP status of a same-origin request made from the page with the session and the page's CSRF token."""
        return self.driver.execute_async_script(
            """
            const [method, path, done] = arguments;
            const meta = document.querySelector('meta[name="csrf-token"]');
            fetch(path, {method, credentials: 'same-origin',
                         headers: {'X-CSRF-Token': meta ? meta.content : ''}}).then(r => done(r.status)).catch(() => done(-1));
            """,
            method, path)

    def wait_for(self, predicate, timeout, message):
        end = time.time() + timeout
        while time.time() < end:
            if predicate():
                return
            time.sleep(1)
        raise Failure(message)
