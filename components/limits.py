"""Every limit this tool keeps, in one place, each named with its unit: what a command may spend on Okta and
Gainsight (time, retries, shares of Okta's rate buckets), how much of a response it reads, how many pages, and how
large a file it accepts. The modules that enforce them import them from here; nothing here imports anything.
"""

from __future__ import annotations

MIB = 1024 * 1024

# ---- one command's time and retries (components/http/budget.py) ------------------------------------------
DEFAULT_TIMEOUT_SECONDS = 300.0  # a command reading a large org under rate limits; well inside a CI job
MIN_TIMEOUT_SECONDS = 1.0  # what `--timeout` accepts
MAX_TIMEOUT_SECONDS = 3600.0
CONNECT_TIMEOUT_SECONDS = 10.0
READ_TIMEOUT_SECONDS = 30.0
# One request, headers and body, however it trickles: Okta's largest response here takes a second or two.
REQUEST_SECONDS = 30.0
RETRIES = 10  # for the whole command: 429 waits, 5xx back-offs and network errors alike
RETRIES_AFTER_TIMEOUT = 2  # of those, after a request that got no response in time (a silent server)
FIRST_BACKOFF_SECONDS = 0.5  # after a 5xx or a network error; doubled each time
MAX_BACKOFF_SECONDS = 8.0

# ---- one response (components/http/bounded_body.py) ----------------------------------------------------------
MAX_BODY_BYTES = 4 * MIB  # as sent and once decompressed
MAX_JSON_DEPTH = 64  # levels; Okta's deepest document here (an app's settings) nests under 10
CHUNK_BYTES = 64 * 1024  # read from the socket at a time

# ---- Okta's rate buckets (components/okta/rate_buckets.py) --------------------------------------------------
# The org's other tools, the Admin Console and Okta's own provisioning draw on the same buckets: a read-only
# report keeps to a quarter of each a minute, and waits for the next window when it has used its quarter.
REPORT_BUCKET_SHARE = 0.25  # of each bucket's calls a minute
# verify reads every app user and member, so it may take half; the org's other tools need the rest.
VERIFY_BUCKET_SHARE = 0.5
UNPACED_BUCKET_SHARE = 1.0  # a client made without a report's meter: it counts calls and only 429s slow it

# ---- Okta's lists (components/okta/client.py, people.py, group_ids.py) -----------------------------------
OKTA_PAGE_ITEMS = 200  # the largest `limit` the list endpoints read here document
OKTA_MAX_PAGES = 250  # 50,000 items at 200 a page: far past the groups assigned to one app in any org
MAX_LIST_BYTES = 32 * MIB  # one whole list, kept in memory by its reader (a real page is under 1 MiB)
MAX_UNPAGED_ITEMS = 1000  # a list read without `limit` (an app's keys: a handful)
GROUP_SEARCH_PAGE_ITEMS = 200
MEMBERS_PAGE_ITEMS = 200
APP_USERS_PAGE_ITEMS = 500  # the most `GET /api/v1/apps/{appId}/users` gives a page (Okta's API reference)
IDS_PER_SEARCH = 20  # a `search` of 20 `id eq` clauses stays far inside any URL length limit
# People are streamed, a page at a time, and little of each is kept: so more pages than a list kept whole (a
# million app users at 500 a page, 400,000 members of one group at 200); the deadline bounds the time.
PEOPLE_MAX_PAGES = 2000
PEOPLE_MAX_BYTES = 1024 * MIB
# verify's look at the SCIM app's failed pushes in the System Log (components/okta/system_log.py): one page.
SYSTEM_LOG_DAYS = 7
SYSTEM_LOG_EVENTS = 100

# ---- Gainsight's SCIM API (components/gainsight/scim.py) -------------------------------------------------
GAINSIGHT_PAGE_ITEMS = 100
GAINSIGHT_MAX_PAGES = 1000  # 100,000 users at 100 a page: far past any Gainsight tenant's users
FILTER_NAMES = 20  # up to this many people are asked for one by one; more, and every user is read

# ---- files people give (components/user_files.py and its readers) ------------------------------------------
MAX_USER_FILE_BYTES = MIB  # a stack file, a key, a list of people
MAX_XML_BYTES = MIB  # Gainsight's metadata is about 4 KB; anything near 1 MiB is not metadata
MAX_JSON_BYTES = 64 * MIB  # a 2,000-group plan is about 3 MiB; a preview of it a few times that
MAX_YAML_DEPTH = 64  # levels; a stack file nests four or five; yaml.v3 itself stops at 10,000
MAX_YAML_EXPANDED_VALUES = 1_000_000  # every value counted once per place an alias repeats it
