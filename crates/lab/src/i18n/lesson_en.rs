//! Lessons in English.

use super::{LessonId, LessonText};

pub fn text(id: LessonId) -> LessonText {
    match id {
        LessonId::SingleServer => LessonText {
            intro: "The simplest setup: users talk to one server that runs both the application and its database. \
                    Nothing has to be configured between them, but they share the same two cores, and when the \
                    server dies, everything dies with it.",
            notice: &[
                "The server runs one worker process, which serves one request at a time: 8 ms of app CPU, then \
                 two 2 ms queries, 12 ms in all, so it serves at most about 83 req/s; close to that the queue \
                 grows fast and p95 shoots up.",
                "The database's queries run on the same cores as the app: 1 ms of CPU per request on top of the \
                 app's 8 ms. At 50 req/s app-1's CPU is about 22.5% busy, and even at the limit one process \
                 keeps it under 40%.",
                "Kill app-1: the app and the database go down together. There is no second copy of anything.",
            ],
            steps: &[
                "Press play and read the throughput, p95 and app-1's CPU at 50 req/s.",
                "Raise the traffic rate step by step: 60, 70, 80, 90 req/s. Watch the queue bar on app-1.",
                "Note the rate where p95 passes 500 ms: that is the capacity of this server.",
                "Inject the failure (kill app-1) and watch every request fail.",
            ],
            task: "Push the single server into saturation: app-1 at least 90% busy and p95 above 500 ms.",
        },
        LessonId::SeparateDb => LessonText {
            intro: "The database moves to its own server. The app no longer shares its cores with the database, a \
                    failure takes down only one of them, and the database can be kept away from the internet. The \
                    price is a network hop between the two, and users still see a single server, so scaling out \
                    is still hard.",
            notice: &[
                "app-1 now spends its 2 cores only on the app's 8 ms per request: at 50 req/s its CPU falls from \
                 22.5% to 20%. The database's share of the cores is freed.",
                "Its one process still serves one request at a time, so the limit stays near 81 req/s (83 before: \
                 each query now crosses the network, 0.2 ms round trip inside a zone). The freed cores become \
                 throughput once more processes use them (lesson 4).",
                "Kill db-1: the app still answers, but every request that needs data fails.",
            ],
            steps: &[
                "Play at 50 req/s and compare p95 and app-1's CPU with lesson 1.",
                "Select db-1: its own cores now do the queries' CPU work.",
                "Keep raising the rate until p95 climbs: where does this design saturate, and how busy is the CPU \
                 then?",
            ],
            task: "Serve 50 req/s with p95 under 150 ms and under 1% errors.",
        },
        LessonId::LoadBalancer => LessonText {
            intro: "Users now talk only to a load balancer (the book's L4 switch), which spreads their requests over \
                    several app servers. Adding servers is now easy: this is scaling out. When an app server dies, \
                    the load balancer sends requests only to the healthy ones. But every request passes through \
                    the load balancer.",
            notice: &[
                "Four servers, one process each, serve about four times what one server did (about 320 req/s), \
                 because the database still has room. Their knee, where p95 reaches twice its low-load value, \
                 comes earlier, near 230 req/s: past it, queues grow fast.",
                "The database handles about 2,000 req/s (2 cores, 0.5 ms of CPU in each 2 ms query, 2 queries per request): \
                 beyond about 25 such servers it becomes the bottleneck and more servers no longer help.",
                "When a server dies, requests sent to it fail until the health check notices (2 failed checks, \
                 30 s apart).",
            ],
            steps: &[
                "Open the Curve tab and press Sweep: four servers have their knee near 230 req/s and serve no \
                 more than about 320. Pin this curve.",
                "Raise the number of servers of app-1 and sweep again: each server moves the knee about 60 \
                 req/s; about ten put it past 600 req/s.",
                "Play at 600 req/s to see it live. Try 30 servers at 2,500 req/s: the bottleneck callout names \
                 the database.",
                "Inject the failure (kill one server) and watch the health check remove it.",
            ],
            task: "Find the knee of the four servers and pin their curve, add servers until a new sweep puts \
                   the knee at 600 req/s or more, then serve 600 req/s with p95 under 150 ms and under 1% \
                   errors.",
        },
        LessonId::Processes => LessonText {
            intro: "A server with several cores runs the same application as several processes, and a process \
                    manager hands each request to one of them: load balancing inside the server. A process serves \
                    one request at a time and waits for its database queries, so one process never uses more than \
                    one core.",
            notice: &[
                "The same four 2-vCPU servers as lesson 3, now with 4 processes each: a server serves about 238 \
                 req/s instead of 81, and its CPU goes from about 32% to 95% busy. The four carry about 950 req/s \
                 instead of 320, and their knee moves from about 230 to about 770 req/s.",
                "More processes help even while the CPU is not busy, because a process waiting for the database \
                 holds no core.",
                "Once every core is busy, more processes only make the queue longer.",
            ],
            steps: &[
                "Play at 700 req/s and note the throughput, p95 and app-1's CPU (about 70% busy).",
                "Set processes per server to 1, open the Curve tab and sweep: the knee falls near 230 req/s \
                 while the CPU stays about 32% busy. Pin this curve.",
                "Set 4 processes again and sweep: the knee moves to about 770 req/s. Try 8 and sweep: only to \
                 about 820, because the cores are now the limit (about 250 req/s per server).",
                "Inject the failure (kill a process): the process manager restarts it after 2 s.",
            ],
            task: "Sweep and pin the design with one process per server (knee below 400 req/s), sweep it with \
                   four or more (knee at 700 req/s or more), then serve 700 req/s with p95 under 150 ms and \
                   under 1% errors.",
        },
        LessonId::MultiAz => LessonText {
            intro: "A region has several availability zones: data centres isolated from each other's failures. Here \
                    each zone has a load balancer and app servers, DNS spreads users over both load balancers, and \
                    the database is multi-AZ: a standby in zone b copies the primary in zone a and takes over when \
                    it fails.",
            notice: &[
                "Each zone alone can carry the whole load (2 servers, about 476 req/s, for 300 req/s).",
                "When zone a fails, three things must happen before errors stop: the load balancer in zone b \
                 removes the dead servers (health checks), DNS stops answering with the dead load balancer (its \
                 health checks and TTL), and the standby database is promoted (about 60 s). Until then every \
                 query to the dead primary waits the driver's 10 s connect timeout, so zone b's servers fill \
                 up, fail their own health checks and are taken out too; they return after 5 passed checks, \
                 about 3.5 minutes after the failure.",
                "Users and DNS sit in zone b so that the failure does not hit the people measuring it; in reality \
                 DNS is a global service.",
            ],
            steps: &[
                "Play at 300 req/s.",
                "Open the Break things tab (B in presentation mode) and kill zone a. Follow the error chart \
                 and the event log: failure, detection, failover.",
                "Read how long the errors lasted and which step took longest.",
                "Revive zone a and watch its servers return after 5 passed health checks.",
            ],
            task: "Kill zone a. From 240 s after the failure on, keep errors under 0.1%.",
        },
        LessonId::MultiRegion => LessonText {
            intro: "Pick the region nearest your users: every request pays the distance. Here users in Korea and in \
                    the United States are served from Seoul and N. Virginia, and DNS answers each user with the \
                    nearest healthy region. Reads use a replica in Virginia; writes still go to the primary in \
                    Seoul.",
            notice: &[
                "Seoul and N. Virginia are about 177 ms apart (round trip). Virginia users served from Seoul would \
                 pay that on every request.",
                "With a region near them, most of their requests stay local; only writes (10% of queries) cross \
                 the ocean.",
                "When a whole region fails, DNS sends its users to the other one: still served, but slower.",
            ],
            steps: &[
                "Play and read p50 and the mean response time.",
                "Delete the link from dns-1 to lb-2: every user is now served from Seoul. Compare the mean.",
                "Restore the link. Inject the failure (kill the N. Virginia region) and watch DNS move its users.",
            ],
            task: "At 200 req/s, keep the mean response time under 60 ms with under 1% errors.",
        },
        LessonId::LbSpof => LessonText {
            intro: "Every request passes through the load balancer. If it fails, the app servers can all be healthy \
                    and the service is still completely down: the load balancer is a single point of failure.",
            notice: &[
                "At 30 s lb-1 dies: from then on every request fails, although all four app servers are fine.",
                "The bottleneck callout names the dead load balancer.",
                "A second load balancer in another zone, with DNS in front of both, removes the single point of \
                 failure; DNS needs its health checks and TTL before it stops sending users to the dead one.",
            ],
            steps: &[
                "Play and watch the error rate jump at 30 s.",
                "Add a second availability zone, a second load balancer and DNS; connect users → DNS → both load \
                 balancers → app servers.",
                "Run again: the errors last only until DNS stops answering with lb-1.",
            ],
            task: "Survive the load balancer failure: from 180 s after it on, keep errors under 1%.",
        },
        LessonId::ZoneOutage => LessonText {
            intro: "The two-zone design of lesson 5 with a scripted failure: zone a goes down at 30 s and comes back \
                    at 330 s. Surviving is not enough: the zone that is left must carry the whole load.",
            notice: &[
                "Between 30 s and about 240 s the errors come from the detections (load balancer health checks, \
                 DNS, the database failover) and from the wait on the dead primary: until the promotion at 90 s, \
                 zone b's workers hang 10 s on each query, fail their health checks, and need 5 passes to return.",
                "After that zone b serves everyone alone: is it big enough?",
                "When zone a returns, its servers rejoin only after 5 passed health checks (about 2.5 minutes).",
            ],
            steps: &[
                "Play at 300 req/s and watch the outage.",
                "Raise the rate to 600 req/s and play again: zone b alone (about 476 req/s) cannot keep up.",
                "Add servers to app-2 (zone b) until p95 stays low while zone a is down.",
            ],
            task: "At 600 req/s, while zone a is down (270 s to 330 s), keep errors under 0.1% and p95 under \
                   100 ms.",
        },
        LessonId::DbFailover => LessonText {
            intro: "A managed database such as RDS keeps a standby in another zone. When the primary fails, the \
                    standby is promoted, but that takes time (typically 60 to 120 s). Until then the dead primary \
                    does not answer: each query sent to it waits the driver's 10 s connect timeout, and the app \
                    process that sent it waits with it.",
            notice: &[
                "At 30 s db-1 dies; the event log shows the failover start and, 60 s later, the promotion.",
                "During the failover every request fails: app workers hang on the dead primary for the driver's \
                 timeout, so the app tier fills and refuses even requests that would not touch the database.",
                "A read replica does not save the reads here: about a third of the requests write (20% writes, \
                 2 queries per request), each holds its worker for 10 s, and the reads wait behind them.",
            ],
            steps: &[
                "Play and watch the error rate and the app servers' queues between 30 s and 90 s.",
                "Add a read replica of db-1 in zone b, connect both app servers to it, and play again: the errors \
                 during the failover barely change.",
                "Delete standby-1 and play again: without a standby nothing ends the outage.",
            ],
            task: "After the promotion, keep errors under 0.1% from 100 s to 150 s.",
        },
        LessonId::SpikeAutoscaling => LessonText {
            intro: "Traffic does not stay flat. An auto-scaling group adds servers when their average CPU passes \
                    its target and removes them when it falls, so you pay only for the servers you need. But a \
                    new server is not ready at once: the group has to notice the load, launch the server, wait \
                    for it to boot and pass its health checks, and only then does it take requests.",
            notice: &[
                "At 60 s the load triples, from 300 to 900 req/s, while two servers serve at most about 476 \
                 req/s: the queue on app-1 grows and p95 climbs.",
                "The group reacts, but each new server needs its 30 s boot and the load balancer's health checks \
                 before it gets requests. Meanwhile requests wait, and some time out: about 12% errors between \
                 60 s and 300 s.",
                "Once the new servers are in, the queue drains and p95 falls. After the spike the group scales \
                 in, and connection draining lets requests in flight finish. The cost meter follows the number \
                 of servers.",
            ],
            steps: &[
                "Play and watch app-1's queue, its number of servers and p95 from 60 s on. When does p95 come \
                 back down?",
                "Select app-1 and change one setting of its auto-scaling group at a time: a higher minimum, a \
                 lower target CPU, a shorter boot time. Play again after each change.",
                "Compare p95, the errors and the cost per month: servers kept ready for a spike are paid for all \
                 month long.",
            ],
            task: "Through the spike (60 s to 300 s), keep p95 under 500 ms and errors under 1%.",
        },
        LessonId::RollingBadDeploy => LessonText {
            intro: "Deploying a new version is one of the most common causes of outages. All at once replaces \
                    every server together: a bad version reaches every user, and while the servers boot nobody \
                    is served. A rolling deployment replaces one batch at a time, so a bad version reaches only \
                    part of the traffic, and an alarm on the error rate can roll it back before it goes further.",
            notice: &[
                "At 60 s version 2, which fails 20% of its requests, goes to app-1 one server at a time (4 \
                 servers, batch 1, 10 s pause).",
                "With one bad server of four, about 5% of requests fail. The errors alarm (above 2% for two \
                 10 s periods) goes to ALARM and the deployment is rolled back; the event log shows each step.",
                "As given, about 300 requests fail. The same bad version deployed all at once fails more than \
                 14,000.",
            ],
            steps: &[
                "Play and watch the error rate, the alarm's state and the event log from 60 s on.",
                "In the Operate tab, change the deployment to all-at-once and play again: compare the failed \
                 requests.",
                "Back to rolling: make the alarm react sooner (one evaluation period instead of two) and play \
                 again.",
            ],
            task: "Deploy so that the bad version fails fewer than 200 requests between 60 s and 240 s.",
        },
        LessonId::MultiAzCost => LessonText {
            intro: "Two availability zones survive the loss of one, but not for free: the second zone needs its own \
                    servers and load balancer, DNS to send users to the healthy one, and a standby database \
                    that is billed like the primary. The cost meter in the stats bar shows what the design \
                    costs per hour and per month.",
            notice: &[
                "This design costs about $722 a month in Seoul: four servers, two load balancers, the database \
                 and its standby, and DNS. Hover the cost meter to see the parts.",
                "The same four servers in one zone, with one load balancer and no standby, cost about $533 a \
                 month: surviving a zone failure costs about $190 a month more, about 35%.",
                "At 120 s zone a fails. Requests fail until the health checks, DNS and the database failover \
                 notice, and until zone b's servers, which hung on the dead primary, pass their health checks \
                 again (about 3.5 minutes in all); after that zone b serves everyone.",
            ],
            steps: &[
                "Read the cost per month in the stats bar and hover it for the parts.",
                "Play through the zone failure at 120 s and watch the errors stop.",
                "Try a third server in each zone: see what it adds to the month, and whether zone b needed it.",
            ],
            task: "Survive zone a's failure: from 240 s after it, keep errors under 0.1%, with a design that costs \
                   at most $750 a month.",
        },
        LessonId::RetryStorm => LessonText {
            intro: "Clients retry: the AWS SDKs try each request up to three times, waiting a random, growing \
                    backoff in between. One retry rescues a request that met a brief fault. But when a server is \
                    overloaded, retries add load exactly when there is none to spare, and a short overload can \
                    outlive its cause: a metastable failure.",
            notice: &[
                "Two servers serve about 500 req/s; the users send 350 req/s and give up on an attempt after \
                 2 s. At 30 s the load doubles for 10 s, and the backlogs fill past 2 s of waiting.",
                "From then on every answer comes too late: the users retry, the retries join the backlogs, and \
                 the servers stay 100% busy with work nobody waits for. Attempts per request climb towards 3 \
                 and errors stay near 97% long after the spike is over.",
                "With one attempt per request the same spike is over in seconds (errors from 60 s: \
                 0%). So it is with backlogs shorter than the users' timeout: what is served is still \
                 wanted.",
            ],
            steps: &[
                "Play and watch the errors and app-1's queue from 30 s on. Does it recover after 40 s?",
                "Select users-1 and set its attempts per request to 1 (no retries). Play again.",
                "Back to 3 attempts: lower app-1's backlog to 200 requests per server instead, and play again.",
            ],
            task: "From 60 s to 180 s, after the spike, keep errors under 1%.",
        },
    }
}
