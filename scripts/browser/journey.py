#!/usr/bin/env python3
"""The console journey in a real headless Chromium at 1366×768 (run by scripts/browser-test.sh).

Author drafts a red rainstorm warning for two districts and submits it; the author cannot see or
reach the approve action; two reviewers approve (red needs two); when dispatch is wired the
progress reaches 100 % delivered, the ledger is checked and the warning is lifted (解除). A
screenshot of each main page is saved."""
import argparse
import re
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from console import Console, Failure, logins


def draft_and_submit(c):
    c.open("/console/warnings/new")
    Select(c.driver.find_element(By.ID, "hazard")).select_by_value("11B03")
    c.click('input[name="level"][value="red"]')
    for code in ("110105", "110108"):
        c.click(f'input[name="region"][value="{code}"]')
    c.wait_for(lambda: "红色" in c.driver.find_element(By.ID, "sms").get_attribute("value")
               and "朝阳区" in c.driver.find_element(By.ID, "sms").get_attribute("value"), 20,
               "the live preview did not fill the SMS text from the red rainstorm template")
    c.wait_for(lambda: "朝阳区" in c.driver.find_element(By.ID, "preview").text, 20, "the preview panel did not update")
    c.shot("02-new-warning")
    c.click("#submit-review")
    c.wait.until(lambda d: re.search(r"/console/warnings/[^/?]+\?done=submitted", d.current_url))
    c.expect_text("已提交审核", "待审核")
    warning_id = re.search(r"/console/warnings/([^/?]+)", c.driver.current_url).group(1)
    c.shot("03-warning-submitted")
    print(f"   submitted {warning_id}")
    return warning_id


def author_cannot_approve(c, warning_id):
    c.open(f"/console/warnings/{warning_id}")
    if c.exists("#approve") or c.exists(f'a[href="/console/review/{warning_id}"]'):
        raise Failure("the author sees a review/approve control on their own warning")
    c.open(f"/console/review/{warning_id}")
    c.expect_text("无权访问")
    c.shot("04-author-refused-review")
    c.open(f"/console/warnings/{warning_id}")
    status = c.status_of("POST", f"/console/review/{warning_id}/approve")
    if status != 403:
        raise Failure(f"the author's POST to approve answered {status}, expected 403")
    c.open(f"/console/warnings/{warning_id}")
    c.expect_text("待审核")
    print("   author cannot see or reach approve (page 403, POST 403)")


def approve(c, reviewer, warning_id, shot=None):
    c.login(reviewer)
    c.open("/console/review")
    c.expect_text("待审核")
    if shot:
        c.shot("05-review-queue")
    c.open(f"/console/review/{warning_id}")
    c.expect_text("改动", "审核决定")
    if shot:
        c.shot(shot)
    c.click("#approve")
    c.accept_confirm()
    c.wait.until(lambda d: "done=approved" in d.current_url)
    print(f"   {reviewer} approved: {c.driver.current_url.split('done=')[1]}")


def approve_until_done(c, warning_id):
    """One reviewer approves; a second one too when the level needs two."""
    approve(c, "reviewer", warning_id)
    if "approved_first" in c.driver.current_url:
        approve(c, "reviewer2", warning_id)


def progress_ledger_cancel(c, passwords, warning_id):
    c.login("author")
    c.open(f"/console/warnings/{warning_id}")
    if not c.exists("#live"):
        raise Failure("the approved warning's detail page shows no live progress (is dispatch configured?)")
    def finished():
        c.open(f"/console/warnings/{warning_id}")
        figure = c.driver.find_element(By.CSS_SELECTOR, '[data-fig="total"]').text
        return figure.startswith("100 %") or "发送结束" in c.driver.find_element(By.ID, "live-state").text
    c.wait_for(finished, 300, "dispatch did not finish within 5 minutes")
    figure = c.driver.find_element(By.CSS_SELECTOR, '[data-fig="total"]').text
    print(f"   dispatch finished: {figure}")
    if not figure.startswith("100 %"):
        print("   (not every number was delivered: the simulators' failure mix; the ledger shows why)")
    c.shot("08-warning-delivered")
    rows = c.driver.find_elements(By.CSS_SELECTOR, "#ledger tbody tr")
    if not rows:
        raise Failure("the ledger is empty after delivery")
    if any(re.search(r"\b1\d{10}\b", r.text) for r in rows):
        raise Failure("the ledger shows an unmasked number")
    print(f"   ledger: {len(rows)} rows on the first page, numbers masked")
    c.click("#cancel-warning")
    c.accept_confirm()
    c.wait.until(lambda d: "done=cancel_drafted" in d.current_url)
    cancel_id = re.search(r"/console/warnings/([^/?]+)", c.driver.current_url).group(1)
    c.click('form[action$="/submit"] button')
    c.wait.until(lambda d: "done=submitted" in d.current_url)
    approve_until_done(c, cancel_id)
    c.open(f"/console/warnings/{warning_id}")
    c.expect_text("已解除")
    c.shot("09-warning-lifted")
    print(f"   lifted by {cancel_id}")


def other_pages(c):
    c.login("abadmin")
    c.open("/console/contacts")
    c.expect_text("查找联系人")
    c.shot("10-contacts")
    c.open("/console/contacts?q=%E5%BC%A0")
    names = [td.text for td in c.driver.find_elements(By.CSS_SELECTOR, "table tbody tr th[scope=row]")]
    assert names and all(n.startswith("张") for n in names), f"search 张 listed {names[:5]}"
    c.shot("11-contacts-search")
    print(f"   search 张: {len(names)} contacts on the first page, every name starts with 张")
    c.login("operator")
    c.open("/console/links")
    # Every production account carried the warning, so each shows when its last report came
    # (SGIP's arrive through the report listener, not the account's connections).
    for row in c.driver.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        name = row.find_element(By.CSS_SELECTOR, "th").text
        last = row.find_elements(By.TAG_NAME, "td")[-1].text
        if "-1#" in name:
            assert re.match(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", last), f"link {name}: last report {last!r}"
    c.shot("12-links")
    c.login("secadmin")
    c.open("/console/users")
    c.expect_text("新建用户")
    c.shot("13-users")
    c.login("auditadmin")
    c.open("/console/audit")
    c.click("#verify")
    c.wait.until(lambda d: "审计链" in d.find_element(By.TAG_NAME, "body").text)
    c.expect_text("审计链完整")
    c.shot("14-audit")
    c.open("/console/lang?to=en&back=/console/audit")
    c.expect_text("Audit trail")
    c.shot("15-audit-english")
    c.open("/console/lang?to=zh-CN&back=/console")


def tablet(c):
    """The editor and the dashboard on a tablet, landscape and portrait."""
    c.login("author")
    for name, (w, h) in (("landscape", (1024, 768)), ("portrait", (768, 1024))):
        c.driver.set_window_size(w, h)
        c.open("/console/warnings/new")
        c.shot(f"16-tablet-{name}-new-warning")
    c.open("/console")
    c.shot("17-tablet-portrait-dashboard")
    c.driver.set_window_size(1366, 768)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--logins", required=True, help="the demo's logins file (demo-logins.txt)")
    p.add_argument("--shots", required=True)
    a = p.parse_args()
    passwords = logins(a.logins)
    missing = {"author", "reviewer", "reviewer2", "abadmin", "operator", "secadmin", "auditadmin"} - passwords.keys()
    if missing:
        print(f"the platform did not print logins for {sorted(missing)}")
        return 1
    c = Console(a.base, a.shots, passwords)
    try:
        print("▶ login page")
        c.open("/console/login")
        c.shot("00-login")
        print("▶ author drafts a red rainstorm warning for 朝阳区 and 海淀区 and submits it")
        c.login("author")
        c.shot("01-dashboard-author")
        warning_id = draft_and_submit(c)
        print("▶ the author cannot see or reach approve")
        author_cannot_approve(c, warning_id)
        print("▶ two reviewers approve (red needs two)")
        approve(c, "reviewer", warning_id, shot="06-review")
        if "approved_first" not in c.driver.current_url:
            raise Failure("a red warning was released by one reviewer; it needs two")
        approve(c, "reviewer2", warning_id)
        c.open(f"/console/warnings/{warning_id}")
        c.shot("07-warning-approved")
        c.open("/console")
        c.shot("07b-dashboard-reviewer")
        print("▶ progress, ledger and cancel (解除)")
        progress_ledger_cancel(c, passwords, warning_id)
        print("▶ address book, links, users, audit")
        other_pages(c)
        print("▶ tablet sizes")
        tablet(c)
        print("PASS browser journey")
        return 0
    except Failure as e:
        c.shot("zz-failure")
        print(f"FAIL {e}")
        return 1
    finally:
        c.close()


if __name__ == "__main__":
    sys.exit(main())
