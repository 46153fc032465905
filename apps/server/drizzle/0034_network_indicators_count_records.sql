-- T-INF-2 and T-INF-3 count the network records from now on (issue #14 item 1): confirmed private
-- networks and their edge nodes, with each district's typed monthly figures kept for its months
-- before its first record (networks/network.measures.ts). Only rows still carrying the plan's
-- original definition change; the definitions follow reference/indicators.json.
UPDATE "indicator"
   SET "source" = 'records',
       "counter" = 'private_networks_new',
       "definition_zh" = '试点启动以来开通的5G专网数：运营商登记、经区级确认的专网；某区在有登记专网之前的月份沿用区级月报填报的新建数',
       "definition_en" = 'Private networks in service since the plan started: those operators registered and their district confirmed; for a district''s months before its first recorded network, the new networks it reported monthly'
 WHERE "code" = 'T-INF-3' AND "counter" = 'sum:PRIVNET_NEW';
--> statement-breakpoint
UPDATE "indicator"
   SET "source" = 'records',
       "counter" = 'edge_nodes_new',
       "definition_zh" = '试点启动以来投运的边缘计算节点数：已经区级确认的5G专网登记的节点；某区在有登记节点之前的月份沿用区级月报填报的新增数',
       "definition_en" = 'Edge nodes commissioned since the plan started: the nodes of private networks their district confirmed; for a district''s months before its first recorded node, the new nodes it reported monthly'
 WHERE "code" = 'T-INF-2' AND "counter" = 'sum:EDGE_NODE_NEW';
