<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DecodeSettings</name>
    <message>
        <location filename="../../ui/session/decodesettings.cpp" line="83"/>
        <source>pick the message type</source>
        <translation>请选择消息类型</translation>
    </message>
    <message>
        <location filename="../../ui/session/decodesettings.cpp" line="84"/>
        <source>the schema has no message type %1</source>
        <translation>该 schema 中没有消息类型 %1</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../ui/views/language.cpp" line="21"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="26"/>
        <source>Give the profile a name.</source>
        <translation>请为配置档案命名。</translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="28"/>
        <source>A profile name has at most 80 characters.</source>
        <translation>配置档案名称最多 80 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="30"/>
        <source>A profile name cannot contain / or \.</source>
        <translation>配置档案名称不能包含 / 或 \。</translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="129"/>
        <source>the AUTH secret was not stored: no usable keychain (%1); you will be asked for it when you connect</source>
        <translation>未保存 AUTH 密钥：没有可用的钥匙串（%1）；连接时会要求你输入该密钥</translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="147"/>
        <source>the AUTH secret could not be read from the keychain (%1)</source>
        <translation>无法从钥匙串读取 AUTH 密钥（%1）</translation>
    </message>
</context>
<context>
    <name>SessionSettings</name>
    <message>
        <location filename="../../ui/session/sessionsettings.cpp" line="64"/>
        <source>give at least one nsqd TCP or nsqlookupd HTTP address</source>
        <translation>请至少提供一个 nsqd TCP 地址或 nsqlookupd HTTP 地址</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionsettings.cpp" line="67"/>
        <source>nsqd: %1</source>
        <translation>nsqd：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionsettings.cpp" line="69"/>
        <source>nsqlookupd: %1</source>
        <translation>nsqlookupd：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionsettings.cpp" line="71"/>
        <source>nsqd HTTP: %1</source>
        <translation>nsqd HTTP：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionsettings.cpp" line="73"/>
        <source>topic &apos;%1&apos; is not a valid topic name (1-64 of A-Z a-z 0-9 . _ -, optionally ending in #ephemeral)</source>
        <translation>主题“%1”不是有效的主题名称（由 1-64 个 A-Z a-z 0-9 . _ - 字符组成，可选以 #ephemeral 结尾）</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionsettings.cpp" line="79"/>
        <source>channel &apos;%1&apos; is not a valid channel name</source>
        <translation>通道“%1”不是有效的通道名称</translation>
    </message>
    <message>
        <location filename="../../ui/session/sessionsettings.cpp" line="83"/>
        <source>max in flight must be 1 to 1000000</source>
        <translation>最大处理中消息数必须在 1 到 1000000 之间</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../ui/views/theme.cpp" line="58"/>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/views/theme.cpp" line="59"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/theme.cpp" line="60"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
</context>
<context>
    <name>nsqui</name>
    <message>
        <location filename="../../ui/views/versions.cpp" line="18"/>
        <source> (built with %1)</source>
        <translation>（编译时为 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/versions.cpp" line="23"/>
        <source>NSQ TCP protocol V2 (nsqd 1.x); nsqd and nsqlookupd HTTP API v1</source>
        <translation>NSQ TCP 协议 V2（nsqd 1.x）；nsqd 与 nsqlookupd HTTP API v1</translation>
    </message>
</context>
<context>
    <name>nsqui::ClusterAdmin</name>
    <message>
        <location filename="../../ui/session/clusteradmin.cpp" line="28"/>
        <source>%1 topic %2</source>
        <translation>%1 主题 %2</translation>
    </message>
    <message>
        <location filename="../../ui/session/clusteradmin.cpp" line="29"/>
        <source>%1 channel %2 of topic %3</source>
        <translation>%1 主题 %3 的通道 %2</translation>
    </message>
    <message>
        <location filename="../../ui/session/clusteradmin.cpp" line="61"/>
        <source>tombstone topic %1 on %2</source>
        <translation>为 %2 上的主题 %1 设置墓碑标记</translation>
    </message>
    <message>
        <location filename="../../ui/session/clusteradmin.cpp" line="64"/>
        <source>no nsqlookupd to ask</source>
        <translation>没有可查询的 nsqlookupd</translation>
    </message>
</context>
<context>
    <name>nsqui::ClusterModel</name>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="48"/>
        <source>RDY %1</source>
        <translation>RDY %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="49"/>
        <source>finished %1</source>
        <translation>已完成 %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="57"/>
        <source>AUTH %1</source>
        <translation>AUTH %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="141"/>
        <location filename="../../ui/models/clustermodel.cpp" line="196"/>
        <source>on %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="164"/>
        <source>on %1: not answering</source>
        <translation>节点 %1：无应答</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="169"/>
        <source>Its counts are unknown: %1</source>
        <translation>计数未知：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="176"/>
        <source>Not counted (not answering): %1</source>
        <translation>未计入（无应答）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="213"/>
        <location filename="../../ui/models/clustermodel.cpp" line="254"/>
        <source>1 client</source>
        <translation>1 个客户端</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="214"/>
        <location filename="../../ui/models/clustermodel.cpp" line="254"/>
        <source>%1 clients</source>
        <translation>%1 个客户端</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="266"/>
        <source>1 channel</source>
        <translation>1 个通道</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="266"/>
        <source>%1 channels</source>
        <translation>%1 个通道</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="373"/>
        <source>Furthest behind of this topic&apos;s channels: %1 messages waiting</source>
        <translation>该主题中积压最多的通道：%1 条消息等待中</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="396"/>
        <source>1 node</source>
        <translation>1 个节点</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="396"/>
        <source>%1 nodes</source>
        <translation>%1 个节点</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="417"/>
        <source>paused on %1 of %2</source>
        <translation>%1/%2 个节点已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="418"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="421"/>
        <source>%1 · connected %2</source>
        <translation>%1 · 连接于 %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="434"/>
        <source>Topic / channel</source>
        <translation>主题 / 通道</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="436"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="438"/>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="440"/>
        <source>On disk</source>
        <translation>磁盘上</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="442"/>
        <source>In flight</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="444"/>
        <source>Deferred</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="446"/>
        <source>Requeued</source>
        <translation>重新入队</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="448"/>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="450"/>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="452"/>
        <source>Msg/s</source>
        <translation>消息/秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="454"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/models/clustermodel.cpp" line="456"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>nsqui::ClusterPanel</name>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="55"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="60"/>
        <source>Create topic</source>
        <translation>创建主题</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="61"/>
        <source>Create channel</source>
        <translation>创建通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="61"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="62"/>
        <source>Unpause</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="62"/>
        <source>Empty…</source>
        <translation>清空…</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="63"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="63"/>
        <source>Tombstone</source>
        <translation>标记墓碑</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="83"/>
        <source>nsqlookupd HTTP host:port, …</source>
        <translation>nsqlookupd HTTP 主机:端口, …</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="84"/>
        <source>nsqd HTTP host:port, …</source>
        <translation>nsqd HTTP 主机:端口, …</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="87"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="88"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="89"/>
        <source>How often the nodes are asked for their /stats</source>
        <translation>多久向各节点请求一次 /stats</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="92"/>
        <source>nsqlookupd</source>
        <translation>nsqlookupd</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="94"/>
        <source>nsqd</source>
        <translation>nsqd</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="96"/>
        <source>Every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="103"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="103"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="103"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="103"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="104"/>
        <source>Topics</source>
        <translation>主题数</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="104"/>
        <source>Tombstoned</source>
        <translation>墓碑标记</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="104"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="113"/>
        <source>filter topics</source>
        <translation>筛选主题</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="127"/>
        <source>new topic or channel name</source>
        <translation>新主题或通道名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="135"/>
        <source>Stop delivery (a channel) or stop passing messages to the channels (a topic), on every node that has it, or on the node of the row</source>
        <translation>停止投递（对通道），或停止向各通道传递消息（对主题）；作用于拥有它的每个节点，或所选行对应的节点</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="137"/>
        <source>Drop the messages waiting (they are lost)</source>
        <translation>丢弃等待中的消息（这些消息将丢失）</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="138"/>
        <source>Delete with every message it holds</source>
        <translation>连同其中的所有消息一并删除</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="139"/>
        <source>Tell nsqlookupd to stop sending consumers of this topic to this node (select the topic&apos;s row on that node)</source>
        <translation>通知 nsqlookupd 不再把该主题的消费者引向此节点（请选择该主题在该节点上的那一行）</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="144"/>
        <source>Each node&apos;s answer to an action shows here</source>
        <translation>各节点对操作的应答显示在这里</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="165"/>
        <source>%v of %m nodes</source>
        <translation>%v / %m 个节点</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="168"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="170"/>
        <source>Stop waiting for this refresh; what was shown stays</source>
        <translation>不再等待本次刷新；保留当前显示的内容</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="182"/>
        <source>Are you sure?</source>
        <translation>确定吗？</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="184"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="185"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="215"/>
        <source>Refresh stopped; the figures shown are from the last one.</source>
        <translation>刷新已停止；显示的数据来自上一次刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="261"/>
        <source>nsqlookupd: %1</source>
        <translation>nsqlookupd：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="263"/>
        <source>nsqd: %1</source>
        <translation>nsqd：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="265"/>
        <source>Give an nsqlookupd or an nsqd HTTP address</source>
        <translation>请提供 nsqlookupd 或 nsqd 的 HTTP 地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="276"/>
        <source>Asking the nodes…</source>
        <translation>正在查询各节点…</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="321"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="321"/>
        <source>unreachable: %1</source>
        <translation>不可达：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="332"/>
        <source>1 node</source>
        <translation>1 个节点</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="332"/>
        <source>%1 nodes</source>
        <translation>%1 个节点</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="334"/>
        <source>, %1 unreachable</source>
        <translation>，%1 个不可达</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="335"/>
        <source> · as of %1</source>
        <translation> · 截至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="337"/>
        <source>nsqlookupd did not answer: %1</source>
        <translation>nsqlookupd 无应答：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="369"/>
        <source>on %1</source>
        <translation>（节点 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="370"/>
        <source>on %1 nodes</source>
        <translation>（%1 个节点）</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="372"/>
        <source>%1 messages waiting will be lost</source>
        <translation>%1 条等待中的消息将会丢失</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="375"/>
        <source> (in the topic and its %1 channels, which go too)</source>
        <translation>（位于该主题及其 %1 个通道中，这些通道也会一并删除）</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="376"/>
        <source> (in the topic itself; its channels keep theirs)</source>
        <translation>（仅限主题本身；其通道中的消息保留）</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="380"/>
        <source>A consumer is connected to it.</source>
        <translation>有 1 个消费者正连接着它。</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="381"/>
        <source>%1 consumers are connected to it.</source>
        <translation>有 %1 个消费者正连接着它。</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="382"/>
        <source>%1 %2?
%3</source>
        <translation>%1%2？
%3</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="385"/>
        <source>%1 %2…</source>
        <translation>%1%2…</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="395"/>
        <source>&apos;%1&apos; is not a valid %2 name (1-64 of a-z A-Z 0-9 . _ -, optionally ending in #ephemeral)</source>
        <translation>“%1”不是有效的%2名称（由 1-64 个 a-z A-Z 0-9 . _ - 字符组成，可选以 #ephemeral 结尾）</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="397"/>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="397"/>
        <source>topic</source>
        <translation>主题名</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="399"/>
        <source>Select the topic to create the channel in</source>
        <translation>请选择要在其中创建通道的主题</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="407"/>
        <source>No reachable node to create it on</source>
        <translation>没有可在其上创建的可达节点</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="412"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="430"/>
        <source>  %1: done</source>
        <translation>  %1：完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="431"/>
        <source>  %1: FAILED: %2</source>
        <translation>  %1：失败：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="435"/>
        <source>%1: done on %2 of %2</source>
        <translation>%1：已在全部 %2 个节点上完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusterpanel.cpp" line="436"/>
        <source>%1: failed on %2 of %3</source>
        <translation>%1：在 %3 个节点中的 %2 个上失败</translation>
    </message>
</context>
<context>
    <name>nsqui::ConnectPanel</name>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="54"/>
        <location filename="../../ui/views/connectpanel.cpp" line="302"/>
        <location filename="../../ui/views/connectpanel.cpp" line="320"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="63"/>
        <source>nsqd TCP addresses, separated by commas</source>
        <translation>nsqd TCP 地址，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="66"/>
        <source>nsqlookupd HTTP addresses, separated by commas: the nsqd that have the topic are found through them</source>
        <translation>nsqlookupd HTTP 地址，以逗号分隔：通过它们查找拥有该主题的 nsqd</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="69"/>
        <source>TCP port + 1</source>
        <translation>TCP 端口 + 1</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="70"/>
        <source>nsqd HTTP addresses, for topic names and the checks made before subscribing; empty: each nsqd&apos;s TCP port + 1</source>
        <translation>nsqd HTTP 地址，用于获取主题名称和订阅前的检查；留空：使用各 nsqd 的 TCP 端口 + 1</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="74"/>
        <source>Ask the servers which topics they have</source>
        <translation>向服务器查询现有的主题</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="81"/>
        <source>The topic to look at</source>
        <translation>要查看的主题</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="83"/>
        <source>new ephemeral channel</source>
        <translation>新建临时通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="84"/>
        <source>Empty: a fresh ephemeral channel, gone when you disconnect. An existing channel shares its messages with its other consumers.</source>
        <translation>留空：新建一个临时通道，断开连接后即消失。若使用已有通道，则会与该通道的其他消费者分摊消息。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="87"/>
        <source>Hold — keep until I act</source>
        <translation>Hold — 保留直到我处理</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="88"/>
        <source>Tail — finish on arrival</source>
        <translation>Tail — 到达即完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="89"/>
        <source>Peek — requeue at once</source>
        <translation>Peek — 立即重新入队</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="95"/>
        <source>How many messages nsqd may have in flight to this window at once (RDY); may be changed while connected</source>
        <translation>nsqd 同时可向本窗口投递的处理中消息数上限（RDY）；连接期间也可修改</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="103"/>
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="104"/>
        <source>Saved connections: pick one, or type a name and Save</source>
        <translation>已保存的连接：选择一个，或输入名称后点击“保存”</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="110"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="112"/>
        <source>Save this form as the profile named beside it</source>
        <translation>将此表单保存为旁边所填名称的配置档案</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="113"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="115"/>
        <source>Delete the profile named beside it, and its secret</source>
        <translation>删除旁边所填名称的配置档案及其密钥</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="136"/>
        <source>Profile %1 deleted.</source>
        <translation>已删除配置档案 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="142"/>
        <source>Connection options</source>
        <translation>连接选项</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="147"/>
        <source>TLS, AUTH, compression, heartbeat, msg_timeout, user agent</source>
        <translation>TLS、AUTH、压缩、心跳、msg_timeout、用户代理</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="155"/>
        <source>⚠ insecure: TLS without verification</source>
        <translation>⚠ 不安全：TLS 未验证服务器</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="170"/>
        <source>&amp;nsqd:</source>
        <translation>nsqd(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="171"/>
        <source>&amp;lookupd:</source>
        <translation>lookupd(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="172"/>
        <source>nsqd &amp;HTTP:</source>
        <translation>nsqd HTTP(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="180"/>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="181"/>
        <source>&amp;Channel:</source>
        <translation>通道(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="182"/>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="184"/>
        <source>Max in &amp;flight:</source>
        <translation>最大处理中(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="202"/>
        <source>Connect anyway</source>
        <translation>仍然连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="204"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="231"/>
        <source>asking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="302"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="320"/>
        <source>Checking the topic…</source>
        <translation>正在检查主题…</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="345"/>
        <source>Could not list topics: %1</source>
        <translation>无法列出主题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="347"/>
        <source>No topics yet.</source>
        <translation>暂无主题。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="348"/>
        <source>%1 topics offered in the list.</source>
        <translation>列表中提供了 %1 个主题。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="389"/>
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="396"/>
        <source>storing the secret in the keychain…</source>
        <translation>正在将密钥存入钥匙串…</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="399"/>
        <source>The secret is in the keychain.</source>
        <translation>密钥已存入钥匙串。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="434"/>
        <source>Give an nsqd TCP address or an nsqlookupd HTTP address.</source>
        <translation>请提供 nsqd TCP 地址或 nsqlookupd HTTP 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="438"/>
        <source>Give a topic.</source>
        <translation>请提供主题。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="440"/>
        <source>Not a topic name: 1–64 characters of A–Z a–z 0–9 . _ -, optionally ending in #ephemeral.</source>
        <translation>不是有效的主题名称：须由 1–64 个 A–Z a–z 0–9 . _ - 字符组成，可选以 #ephemeral 结尾。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="444"/>
        <source>Not a channel name: 1–64 characters of A–Z a–z 0–9 . _ -, optionally ending in #ephemeral.</source>
        <translation>不是有效的通道名称：须由 1–64 个 A–Z a–z 0–9 . _ - 字符组成，可选以 #ephemeral 结尾。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="449"/>
        <source>Held messages go back to the channel at the server&apos;s msg_timeout unless you finish, requeue or touch them.</source>
        <translation>持有的消息若未被完成、重新入队或续期，将在服务器的 msg_timeout 到期时回到通道。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="453"/>
        <source>Every message is finished as it arrives: it is consumed.</source>
        <translation>每条消息一到达就被完成：即被消费掉。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="456"/>
        <source>Every message is requeued at once, so others still get it; each look adds one to its attempts.</source>
        <translation>每条消息都会立即重新入队，其他消费者仍能收到；每查看一次，其尝试次数加一。</translation>
    </message>
</context>
<context>
    <name>nsqui::ConnectionOptions</name>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="29"/>
        <source>Use TLS</source>
        <translation>使用 TLS</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="31"/>
        <source>Verify the server&apos;s certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="40"/>
        <source>system CAs</source>
        <translation>系统 CA</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="42"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="44"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="51"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="57"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="47"/>
        <source>INSECURE: the server&apos;s identity is not checked; anyone in between can read and change the messages.</source>
        <translation>不安全：不检查服务器身份；中间的任何人都能读取和篡改消息。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="52"/>
        <source>Sent with AUTH; kept in the system keychain, never in the settings</source>
        <translation>通过 AUTH 发送；保存在系统钥匙串中，绝不写入设置</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="64"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="69"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="68"/>
        <source>server&apos;s default</source>
        <translation>服务器默认值</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="92"/>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="92"/>
        <source>Choose the CA certificate (PEM)</source>
        <translation>选择 CA 证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="93"/>
        <source>Client cert:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="93"/>
        <source>Choose the client certificate</source>
        <translation>选择客户端证书</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="94"/>
        <source>Client key:</source>
        <translation>客户端密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="94"/>
        <source>Choose the client key</source>
        <translation>选择客户端密钥</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="98"/>
        <source>AUTH secret:</source>
        <translation>AUTH 密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="100"/>
        <source>Compression:</source>
        <translation>压缩：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="101"/>
        <source>Heartbeat:</source>
        <translation>心跳：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="102"/>
        <source>msg_timeout:</source>
        <translation>msg_timeout：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="105"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="106"/>
        <source> attempts</source>
        <translation> 次尝试</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="107"/>
        <source>Finish a message delivered more often than this and list it under Gave up, where it can be exported or resent (max_attempts). Never: every message is left to you. Off in Peek mode, which leaves every message in the channel</source>
        <translation>投递次数超过此值的消息将被完成并列入“已放弃”，可在那里导出或重发（max_attempts）。从不：每条消息都留给你处理。在窥视模式下关闭，该模式会把每条消息留在通道中</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="111"/>
        <source>Give up after:</source>
        <translation>放弃前尝试：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="112"/>
        <source>User agent:</source>
        <translation>用户代理：</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="208"/>
        <source>%1 %2 does not exist.</source>
        <translation>%1 %2 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="210"/>
        <source>%1 %2 cannot be read.</source>
        <translation>%1 %2 无法读取。</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="212"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="213"/>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="214"/>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="216"/>
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation>客户端证书和密钥必须同时提供。</translation>
    </message>
</context>
<context>
    <name>nsqui::DecodedView</name>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="34"/>
        <location filename="../../ui/views/decodedview.cpp" line="40"/>
        <source>%1… (%2 characters; the JSON text has more)</source>
        <translation>%1…（共 %2 个字符；JSON 文本中有更多）</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="53"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="54"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="55"/>
        <source>MsgPack</source>
        <translation>MsgPack</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="56"/>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="57"/>
        <source>Protobuf</source>
        <translation>Protobuf</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="58"/>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="60"/>
        <source>How this topic&apos;s bodies are read; Auto finds the format (gzip, zlib, snappy, zstd and lz4 are undone first). Kept per topic.</source>
        <translation>本主题消息体的读取方式；“自动”会识别格式（先解开 gzip、zlib、snappy、zstd 和 lz4）。按主题保存。</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="63"/>
        <location filename="../../ui/views/decodedview.cpp" line="212"/>
        <source>Protobuf schema…</source>
        <translation>Protobuf schema…</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="64"/>
        <source>Read protobuf bodies with .proto files or a descriptor set</source>
        <translation>用 .proto 文件或描述符集读取 protobuf 消息体</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="78"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="78"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="78"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="90"/>
        <source>Tree</source>
        <translation>树</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="91"/>
        <source>JSON text</source>
        <translation>JSON 文本</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="94"/>
        <source>&amp;Read as:</source>
        <translation>读取为(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="173"/>
        <source>Select a message to read its body.</source>
        <translation>选择一条消息以读取其消息体。</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="211"/>
        <source>Schema: %1…</source>
        <translation>Schema：%1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="218"/>
        <source>Read as: %1</source>
        <translation>读取方式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="220"/>
        <source>The schema is not used: %1</source>
        <translation>未使用该 schema：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="225"/>
        <source>Breaks at byte %1 (0x%2)%3: %4</source>
        <translation>在第 %1 字节（0x%2）%3处出错：%4</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="228"/>
        <source> of the decompressed body</source>
        <translation>（解压后的消息体）</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="255"/>
        <source>(body)</source>
        <translation>（消息体）</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="259"/>
        <source>(more)</source>
        <translation>（更多）</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="259"/>
        <source>the tree shows the first %1 values; the JSON text has them all</source>
        <translation>树中只显示前 %1 个值；JSON 文本中包含全部</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="272"/>
        <source>
… (the first %1 KiB of a value of %2; Save body… keeps the body whole)</source>
        <translation>
…（仅显示一个 %2 的值的前 %1 KiB；“保存消息体…”会完整保存）</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="275"/>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="276"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location filename="../../ui/views/decodedview.cpp" line="281"/>
        <source>
… (the first %1 KiB of %2 bytes of JSON; Save body… keeps the body whole)</source>
        <translation>
…（仅显示 %2 字节 JSON 的前 %1 KiB；“保存消息体…”会完整保存）</translation>
    </message>
</context>
<context>
    <name>nsqui::GaveUpModel</name>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="73"/>
        <source>passed the %1 attempts allowed; finished</source>
        <translation>超过允许的 %1 次尝试；已完成</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="75"/>
        <source>FIN refused: %1</source>
        <translation>FIN 被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="77"/>
        <source>REQ refused: %1</source>
        <translation>REQ 被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="137"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="139"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="141"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="143"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="145"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="147"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/models/gaveupmodel.cpp" line="149"/>
        <source>Body</source>
        <translation>消息体</translation>
    </message>
</context>
<context>
    <name>nsqui::GaveUpPanel</name>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="26"/>
        <source>Resend</source>
        <translation>重发</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="36"/>
        <source>topic to resend to, e.g. orders_dead_letter</source>
        <translation>重发到的主题，例如 orders_dead_letter</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="38"/>
        <source>Publish the selected messages (all when none is selected) to the topic beside it</source>
        <translation>将所选消息（未选择时为全部）发布到旁边的主题</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="40"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="42"/>
        <source>Write the selected messages (all when none is selected) to a JSON Lines file</source>
        <translation>将所选消息（未选择时为全部）写入 JSON Lines 文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="44"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="50"/>
        <source>Messages the consumer gave up on: past the attempts allowed (Connection options ▸ Give up after), or refused when answered (FIN or REQ after they timed out; one that nsqd delivers again leaves the list). Kept until cleared.</source>
        <translation>消费者放弃的消息：超过允许的尝试次数（连接选项 ▸ 放弃前尝试），或应答时被拒绝（超时后才发出的 FIN 或 REQ；nsqd 再次投递的消息会离开此列表）。保留到清除为止。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/gaveuppanel.cpp" line="93"/>
        <source>Resending %n message(s) to %1…</source>
        <translation>
            <numerusform>正在把 %n 条消息重发到 %1…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="56"/>
        <source>Resend to</source>
        <translation>重发到</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="72"/>
        <source>%1 older ones dropped: the list keeps the newest %2</source>
        <translation>已丢弃 %1 条较早的：列表保留最新的 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="82"/>
        <source>&apos;%1&apos; is not a valid topic name</source>
        <translation>“%1”不是有效的主题名称</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="84"/>
        <source>Nothing to resend</source>
        <translation>没有可重发的消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="99"/>
        <source>Export the messages given up on</source>
        <translation>导出已放弃的消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="100"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="104"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/gaveuppanel.cpp" line="131"/>
        <location filename="../../ui/views/gaveuppanel.cpp" line="143"/>
        <source>Could not write %1: %2</source>
        <translation>写入 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>nsqui::InspectorSession</name>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="127"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="129"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="131"/>
        <source>identifying</source>
        <translation>正在 IDENTIFY</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="133"/>
        <source>TLS handshake</source>
        <translation>TLS 握手</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="135"/>
        <source>starting compression</source>
        <translation>正在启用压缩</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="137"/>
        <source>AUTH</source>
        <translation>AUTH</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="139"/>
        <source>subscribed</source>
        <translation>已订阅</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="141"/>
        <source>closing</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="172"/>
        <source>already connected; disconnect first</source>
        <translation>已经连接；请先断开连接</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="219"/>
        <location filename="../../ui/session/inspectorsession.cpp" line="223"/>
        <source>trace file %1: %2</source>
        <translation>跟踪文件 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="240"/>
        <source>Give up after %1 attempts is off in Peek mode: Peek leaves every message in the channel</source>
        <translation>“%1 次尝试后放弃”在窥视模式下关闭：窥视模式把每条消息留在通道中</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="244"/>
        <source>connecting to %1 for topic %2, channel %3 (%4 mode)</source>
        <translation>正在连接 %1，主题 %2，通道 %3（%4 模式）</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="295"/>
        <source>disconnecting: held messages go back to the channel (REQ 0)</source>
        <translation>正在断开连接：持有的消息回到通道（REQ 0）</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="293"/>
        <source>disconnecting</source>
        <translation>正在断开连接</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="297"/>
        <source>disconnecting: held messages are finished (FIN)</source>
        <translation>正在断开连接：持有的消息已完成（FIN）</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="299"/>
        <source>disconnecting: held messages are left to nsqd, which delivers them again after their msg_timeout</source>
        <translation>正在断开连接：持有的消息留给 nsqd，它会在 msg_timeout 之后重新投递</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="313"/>
        <source>disconnected</source>
        <translation>已断开连接</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="437"/>
        <source>paused: RDY 0 on every connection</source>
        <translation>已暂停：所有连接 RDY 0</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="438"/>
        <source>resumed: max in flight %1</source>
        <translation>已恢复：最大处理中 %1</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="454"/>
        <source>%1: subscribed to %2/%3</source>
        <translation>%1：已订阅 %2/%3</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="458"/>
        <source>%1: closed (%2)</source>
        <translation>%1：已关闭（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="468"/>
        <source>%1: %2 held messages lost with the connection; nsqd delivers them again after their msg_timeout</source>
        <translation>%1：%2 条持有的消息随连接丢失；nsqd 会在其 msg_timeout 之后重新投递</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="475"/>
        <source>backoff level %1 for %2 ms</source>
        <translation>退避级别 %1，持续 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="478"/>
        <source>backoff over</source>
        <translation>退避结束</translation>
    </message>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="481"/>
        <source>message %1 passed max_attempts (%2): finished</source>
        <translation>消息 %1 超过 max_attempts（%2）：已完成</translation>
    </message>
</context>
<context>
    <name>nsqui::LifeDiagram</name>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="119"/>
        <source>delivered</source>
        <translation>已投递</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="121"/>
        <source>in flight</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="123"/>
        <location filename="../../ui/views/lifediagram.cpp" line="248"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="125"/>
        <source>requeued (deferred)</source>
        <translation>已重新入队（延迟）</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="127"/>
        <location filename="../../ui/views/lifediagram.cpp" line="265"/>
        <source>timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="129"/>
        <source>redelivered, attempts + 1</source>
        <translation>重新投递，尝试次数 + 1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="142"/>
        <source>%1 … %2 ×%3+</source>
        <comment>at least %3 times</comment>
        <translation>%1 … %2 ×%3+</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="147"/>
        <source>%1 … %2 ×%3</source>
        <translation>%1 … %2 ×%3</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="155"/>
        <source>+%1</source>
        <comment>time since the first delivery</comment>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="186"/>
        <source>Select a message to see the path it took.</source>
        <translation>选择一条消息以查看它经历的路径。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/lifediagram.cpp" line="216"/>
        <source>… %n steps not kept …</source>
        <translation>
            <numerusform>… 未保留 %n 步 …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="230"/>
        <source>delivered (attempt %1) %2</source>
        <translation>投递（第 %1 次尝试）%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="231"/>
        <source>delivered (attempt %1) at %2</source>
        <translation>于 %2 投递（第 %1 次尝试）</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="237"/>
        <source>delivered again</source>
        <translation>再次投递</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="238"/>
        <source>delivered again (attempt %1) %2</source>
        <translation>再次投递（第 %1 次尝试）%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="244"/>
        <source>touched %1</source>
        <translation>已续期 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="244"/>
        <source>touched</source>
        <translation>已续期</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="248"/>
        <source>finished %1</source>
        <translation>已完成 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="252"/>
        <source>given up on (past its attempts) and finished</source>
        <translation>已放弃（超过尝试次数）并完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="253"/>
        <source>given up on (past its attempts) and finished %1</source>
        <translation>已放弃（超过尝试次数）并完成 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="258"/>
        <source>requeued with a %1 ms delay</source>
        <translation>以 %1 毫秒延迟重新入队</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="259"/>
        <source>requeued with a %1 ms delay %2</source>
        <translation>以 %1 毫秒延迟重新入队 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="261"/>
        <source>requeued %1</source>
        <translation>已重新入队 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="261"/>
        <source>requeued</source>
        <translation>已重新入队</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="265"/>
        <source>timed out %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="269"/>
        <source>answered too late (nsqd had taken it back)</source>
        <translation>应答太晚（nsqd 已收回）</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="270"/>
        <source>answered too late (nsqd had taken it back) %1</source>
        <translation>应答太迟（nsqd 已收回）%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="274"/>
        <source>lost with its connection</source>
        <translation>随连接丢失</translation>
    </message>
    <message>
        <location filename="../../ui/views/lifediagram.cpp" line="275"/>
        <source>lost with its connection %1</source>
        <translation>随连接丢失 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/lifediagram.cpp" line="306"/>
        <source>%1, %n times (%2 … %3)</source>
        <comment>a stretch of the path that repeated</comment>
        <translation>
            <numerusform>%1，%n 次（%2 … %3）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nsqui::MainWindow</name>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="116"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="116"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="117"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="161"/>
        <source>Filter body and ID…</source>
        <translation>筛选消息体和 ID…</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="165"/>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="171"/>
        <source>Filter by the fields of the decoded body (the Decoded tab&apos;s format), e.g.
user.id == 42
items[*].sku ~ /^AB/
type in [&quot;a&quot;, &quot;b&quot;] and not paid
Operators: == != &lt; &lt;= &gt; &gt;= ~ in, and, or, not, ( )</source>
        <translation>按解码后消息体的字段筛选（使用“解码”标签页的格式），例如：
user.id == 42
items[*].sku ~ /^AB/
type in [&quot;a&quot;, &quot;b&quot;] and not paid
运算符：== != &lt; &lt;= &gt; &gt;= ~ in、and、or、not、( )</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="175"/>
        <source>filtering %v of %m</source>
        <translation>正在筛选 %v / %m</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="179"/>
        <source>Stop filtering; the list stays as it was</source>
        <translation>停止筛选；列表保持原样</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="199"/>
        <source>%1 of %2 messages match (decoded and tested in %3 ms)</source>
        <translation>%2 条消息中有 %1 条匹配（解码并测试用时 %3 毫秒）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="208"/>
        <source>Field filter stopped; the list is as it was</source>
        <translation>字段筛选已停止；列表保持原样</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="224"/>
        <source>keep </source>
        <translation>保留 </translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="225"/>
        <source> rows</source>
        <translation> 行</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="226"/>
        <source>How many messages the table keeps; older ones are dropped from view (not from NSQ)</source>
        <translation>表格保留的消息数；更早的消息会从视图中移除（不会从 NSQ 中移除）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="248"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1143"/>
        <source>Connection</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="264"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1143"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="274"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="275"/>
        <source>Delay for REQ: 0 to 3600 s (nsqd refuses more than its --max-req-timeout, 1 h by default)</source>
        <translation>REQ 延迟：0 到 3600 秒（nsqd 拒绝超过其 --max-req-timeout 的值，默认为 1 小时）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="357"/>
        <source>the plots&apos; channel figures: %1</source>
        <translation>图表的通道数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="369"/>
        <source>Delay for REQ: 0 to %1 s (the server&apos;s max_req_timeout)</source>
        <translation>REQ 延迟：0 到 %1 秒（服务器的 max_req_timeout）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="390"/>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="396"/>
        <location filename="../../ui/views/mainwindow.cpp" line="494"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="409"/>
        <source>%1 older messages dropped from view</source>
        <translation>已从视图中移除 %1 条较早的消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="518"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="519"/>
        <source>FIN the selected messages: done with, gone from the channel</source>
        <translation>对所选消息发送 FIN：处理完毕，从通道中移除</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="520"/>
        <source>&amp;Requeue</source>
        <translation>重新入队(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="521"/>
        <source>REQ the selected messages with the delay beside it: back to the channel</source>
        <translation>按旁边设置的延迟对所选消息发送 REQ：放回通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="522"/>
        <source>&amp;Touch</source>
        <translation>续期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="523"/>
        <source>TOUCH the selected messages: restart their msg_timeout</source>
        <translation>对所选消息发送 TOUCH：重新开始计算其 msg_timeout</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="524"/>
        <source>Finish &amp;all held</source>
        <translation>完成全部持有消息(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="525"/>
        <source>FIN every message held in this window</source>
        <translation>对本窗口持有的每条消息发送 FIN</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="526"/>
        <source>Requeue all &amp;held</source>
        <translation>重新入队全部持有消息(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="527"/>
        <source>REQ every held message, oldest first, with the delay beside it</source>
        <translation>按旁边设置的延迟，从最早的开始对每条持有的消息发送 REQ</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="528"/>
        <source>A&amp;uto-touch</source>
        <translation>自动续期(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="529"/>
        <source>Touch held messages before their msg_timeout, so they stay</source>
        <translation>在 msg_timeout 到期前为持有的消息续期，使其继续由本窗口持有</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="532"/>
        <source>Requeue as a &amp;failure (backoff)</source>
        <translation>作为失败重新入队（退避）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="533"/>
        <source>REQ as a failed handler sends it: the consumer backs off (RDY 0 for a while, then tests with RDY 1), as go-nsq&apos;s Requeue does. Off: a plain REQ, as RequeueWithoutBackoff</source>
        <translation>像处理失败的 handler 那样发送 REQ：消费者进入退避（先 RDY 0 一段时间，再用 RDY 1 试探），与 go-nsq 的 Requeue 相同。关闭时：发送普通 REQ，与 RequeueWithoutBackoff 相同</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="537"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="538"/>
        <source>RDY 0: no new messages until resumed</source>
        <translation>RDY 0：恢复之前不再接收新消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="540"/>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="541"/>
        <source>Close the connections; held messages go back to the channel</source>
        <translation>关闭连接；持有的消息回到通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="543"/>
        <source>Take &amp;backlog</source>
        <translation>获取积压(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="544"/>
        <source>Hold up to the number beside it from the front of the channel, then RDY 0: look at what waits without consuming it</source>
        <translation>从通道最前端持有至多旁边所设数量的消息，然后 RDY 0：查看等待中的消息而不消费它们</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="546"/>
        <source>Re&amp;lease all</source>
        <translation>全部释放(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="547"/>
        <source>REQ 0 every held message, oldest first: all go back to the channel</source>
        <translation>从最早的开始，对每条持有的消息发送 REQ 0：全部回到通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="548"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="549"/>
        <source>Write the selected messages (or all shown) to a JSON Lines file</source>
        <translation>将所选消息（或全部显示的消息）写入 JSON Lines 文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="553"/>
        <source>How many messages a backlog snapshot holds (at most the server&apos;s max_rdy_count per nsqd)</source>
        <translation>积压快照持有的消息数（每个 nsqd 最多为服务器的 max_rdy_count）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="560"/>
        <source>Export selected messages</source>
        <translation>导出所选消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="560"/>
        <source>Export all shown messages</source>
        <translation>导出全部显示的消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="561"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="565"/>
        <source>Exporting messages…</source>
        <translation>正在导出消息…</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="565"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1882"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="575"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="579"/>
        <source>Edit and re&amp;send…</source>
        <translation>编辑并重发(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="625"/>
        <source>C&amp;lear list</source>
        <translation>清空列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="626"/>
        <source>Forget the messages shown, except those held here</source>
        <translation>清除显示的消息（本窗口持有的除外）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="628"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="628"/>
        <source>Close NSQ Inspector</source>
        <translation>关闭 NSQ Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="630"/>
        <source>&amp;About NSQ Inspector</source>
        <translation>关于 NSQ Inspector(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="630"/>
        <source>Version and licence</source>
        <translation>版本与许可证</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="631"/>
        <source>Connect to a real server…</source>
        <translation>连接到真实服务器…</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="632"/>
        <source>Leave demo mode and fill in your own nsqd or nsqlookupd</source>
        <translation>退出演示模式，填写你自己的 nsqd 或 nsqlookupd</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="654"/>
        <source>FIN sent for %1 messages</source>
        <translation>已为 %1 条消息发送 FIN</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="660"/>
        <source>REQ sent for %1 messages</source>
        <translation>已为 %1 条消息发送 REQ</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="688"/>
        <source>About NSQ Inspector</source>
        <translation>关于 NSQ Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="689"/>
        <source>%1&lt;br&gt;A desktop tool for looking inside NSQ: messages, frames and counts.&lt;br&gt;&lt;br&gt;Licence: MIT</source>
        <translation>%1&lt;br&gt;查看 NSQ 内部的桌面工具：消息、帧与计数。&lt;br&gt;&lt;br&gt;许可证：MIT</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="693"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1839"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1008"/>
        <source>Gave up</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1014"/>
        <source>No nsqd to publish to: connect, or set the Publish panel&apos;s address</source>
        <translation>没有可发布到的 nsqd：请先连接，或在“发布”面板中设置地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1029"/>
        <source>Resent %1 of %2 to %3 on %4</source>
        <translation>已将 %2 条中的 %1 条重发到 %4 上的 %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1033"/>
        <source>Resent %1 of %2 to %3 on %4, then: %5</source>
        <translation>已将 %2 条中的 %1 条重发到 %4 上的 %3，随后：%5</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1070"/>
        <source>T&amp;ime</source>
        <translation>时间(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1074"/>
        <source>&amp;Local time</source>
        <translation>本地时间(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1075"/>
        <source>&amp;UTC</source>
        <translation>UTC(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1076"/>
        <source>&amp;Relative (&quot;3.2 s ago&quot;)</source>
        <translation>相对时间（“3.2 秒前”）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1111"/>
        <source>&amp;Theme</source>
        <translation>外观(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1443"/>
        <source>Export cancelled; %1 was not written</source>
        <translation>导出已取消；未写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1499"/>
        <source>At column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1671"/>
        <source>Filter the messages</source>
        <translation>筛选消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1677"/>
        <source>Message list</source>
        <translation>消息列表</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1680"/>
        <source>Message payload</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1683"/>
        <source>&amp;Oldest message</source>
        <translation>最早的消息(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1686"/>
        <source>&amp;Newest message</source>
        <translation>最新的消息(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1689"/>
        <source>Go to &amp;sequence…</source>
        <translation>转到序号(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1694"/>
        <source>Go to sequence</source>
        <translation>转到序号</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1695"/>
        <source>Message # (%1 to %2 are retained):</source>
        <translation>消息序号（保留了 %1 到 %2）：</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1702"/>
        <source>&amp;Follow the newest</source>
        <translation>跟随最新消息(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1705"/>
        <source>Keep the newest message in view as messages arrive; scrolling up stops following</source>
        <translation>消息到达时保持最新消息可见；向上滚动即停止跟随</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1754"/>
        <source>Message #%1 is no longer in the list (cleared, or dropped past the retention cap)</source>
        <translation>消息 #%1 已不在列表中（已清除，或因超过保留上限被丢弃）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1758"/>
        <source>No message is retained yet</source>
        <translation>还没有保留任何消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1760"/>
        <source>Message #%1 was dropped from view (the list keeps %2 rows; the oldest retained is #%3)</source>
        <translation>消息 #%1 已从视图中移除（列表保留 %2 行；保留的最早消息是 #%3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1767"/>
        <source>There is no message #%1 yet (the newest is #%2)</source>
        <translation>还没有消息 #%1（最新的是 #%2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1774"/>
        <source>Message #%1 was cleared from the list</source>
        <translation>消息 #%1 已从列表中清除</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1780"/>
        <source>Message #%1 is hidden by the filter</source>
        <translation>消息 #%1 被筛选条件隐藏</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1803"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1813"/>
        <source>anywhere in the window</source>
        <translation>窗口内任意位置</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1806"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1815"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1817"/>
        <source>the message list</source>
        <translation>在消息列表中</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1806"/>
        <source>its panel</source>
        <translation>所在面板</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1811"/>
        <source>Next / previous field</source>
        <translation>下一个 / 上一个字段</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1811"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1811"/>
        <source>every form</source>
        <translation>所有表单</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1812"/>
        <source>Open a menu</source>
        <translation>打开菜单</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1812"/>
        <source>Alt + its underlined letter</source>
        <translation>Alt + 带下划线的字母</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1814"/>
        <source>Select messages</source>
        <translation>选择消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1814"/>
        <source>Shift or Ctrl + arrows, Ctrl+A</source>
        <translation>Shift 或 Ctrl + 方向键，Ctrl+A</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1816"/>
        <source>The actions for the selected messages</source>
        <translation>所选消息的操作</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1816"/>
        <source>Menu key, Shift+F10</source>
        <translation>菜单键，Shift+F10</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1826"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1829"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1829"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1829"/>
        <source>Where</source>
        <translation>适用位置</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1859"/>
        <source>Messages are held</source>
        <translation>仍有持有的消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1860"/>
        <source>This window holds %1 messages in flight. What should become of them?</source>
        <translation>本窗口持有 %1 条处理中的消息。要如何处理它们？</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1867"/>
        <source>Requeue: back to the channel now (REQ 0), for the next consumer.
Finish: done with, gone from the channel (FIN).
Keep: left unanswered; nsqd delivers them again after their msg_timeout (%1 s).</source>
        <translation>重新入队：立即放回通道（REQ 0），交给下一个消费者。
完成：处理完毕，从通道中移除（FIN）。
保留：不作应答；nsqd 会在其 msg_timeout（%1 秒）之后重新投递。</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1872"/>
        <source>&amp;Requeue them</source>
        <translation>重新入队这些消息(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1873"/>
        <source>&amp;Finish them</source>
        <translation>完成这些消息(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1874"/>
        <source>&amp;Keep them for msg_timeout</source>
        <translation>保留到 msg_timeout(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="713"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="581"/>
        <source>Open the selected messages&apos; bodies in the Publish panel, change them, and publish them to this or another topic (optionally finishing the originals)</source>
        <translation>在发布面板中打开所选消息的消息体，修改后发布到此主题或其他主题（可选择完成原消息）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="601"/>
        <source>Select the messages to resend</source>
        <translation>选择要重发的消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="607"/>
        <source>%1 messages selected; Edit and resend takes at most %2 (Export them, then Replay the file)</source>
        <translation>已选择 %1 条消息；编辑并重发最多处理 %2 条（请先导出，再重放文件）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="719"/>
        <source>&amp;Messages</source>
        <translation>消息(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="730"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1150"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="731"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="732"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="733"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="734"/>
        <source>Every key the window answers to</source>
        <translation>窗口响应的所有按键</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="740"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="749"/>
        <source>Common REQ delays</source>
        <translation>常用 REQ 延迟</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="752"/>
        <source>now (0 s)</source>
        <translation>立即（0 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="753"/>
        <source>5 s</source>
        <translation>5 秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="754"/>
        <source>30 s</source>
        <translation>30 秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="755"/>
        <source>1 min</source>
        <translation>1 分</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="756"/>
        <source>10 min</source>
        <translation>10 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="757"/>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="781"/>
        <source>demo broker could not start: %1</source>
        <translation>演示服务器无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="784"/>
        <source>DEMO — embedded broker at %1</source>
        <translation>演示 — 内嵌服务器位于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="814"/>
        <source>before subscribing: %1</source>
        <translation>订阅前：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="851"/>
        <source>profile %1 loaded: press Connect</source>
        <translation>已加载配置档案 %1：请点击“连接”</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="868"/>
        <source>TLS without verification: the server&apos;s identity is not checked</source>
        <translation>TLS 未验证服务器：不检查服务器身份</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="888"/>
        <source>%1: RDY %2, %3 in flight</source>
        <translation>%1：RDY %2，处理中 %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="911"/>
        <source>backoff level %1</source>
        <translation>退避级别 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="913"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="915"/>
        <source>no nsqd connected</source>
        <translation>未连接任何 nsqd</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="925"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1153"/>
        <source>Record the wire trace</source>
        <translation>记录线路跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="930"/>
        <source>Record every frame sent and received (%1). Off, it costs nothing.</source>
        <translation>记录收发的每一帧（%1）。关闭时没有任何开销。</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="950"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1144"/>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="952"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1144"/>
        <source>Event timeline</source>
        <translation>事件时间线</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="953"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1145"/>
        <source>Wire trace</source>
        <translation>线路跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="954"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1145"/>
        <source>How a consumer works</source>
        <translation>消费者工作原理</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="956"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/mainwindow.cpp" line="978"/>
        <source>FIN sent for %n original(s).</source>
        <translation>
            <numerusform>已为 %n 条原消息发送 FIN。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="980"/>
        <source>Not finished, no longer held here (timed out, answered, or its connection closed): %1.</source>
        <translation>未完成，已不在此处持有（已超时、已应答或其连接已关闭）：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="989"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/mainwindow.cpp" line="1018"/>
        <source>Resending %n message(s) to %1 on %2…</source>
        <translation>
            <numerusform>正在把 %n 条消息重发到 %2 上的 %1…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1058"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1152"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1184"/>
        <source>The wire trace was off when this happened: turn on View ▸ Record the wire trace, then reconnect to see these frames.</source>
        <translation>发生此步骤时线路跟踪未开启：请打开“视图 ▸ 记录线路跟踪”，然后重新连接以查看这些帧。</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1186"/>
        <source>No frame of this step is in the trace (it was off then, or the frames were dropped from view).</source>
        <translation>跟踪中没有此步骤的帧（当时未开启跟踪，或这些帧已从视图中移除）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1205"/>
        <source>The events of this step are no longer in the timeline.</source>
        <translation>此步骤的事件已不在事件时间线中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/mainwindow.cpp" line="1235"/>
        <source>%n message(s) given up on came back from nsqd: taken off the Gave up list</source>
        <translation>
            <numerusform>%n 条已放弃的消息被 nsqd 再次投递：已从“已放弃”列表移除</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1253"/>
        <source>nsqd refused the FIN of the original %1: %2</source>
        <translation>nsqd 拒绝了原消息 %1 的 FIN：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/mainwindow.cpp" line="1283"/>
        <source>%n more message(s) given up on: see the Gave up tab</source>
        <translation>
            <numerusform>又放弃了 %n 条消息：见“已放弃”标签页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1304"/>
        <source>closed (%1)</source>
        <translation>已关闭（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1308"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1311"/>
        <source>backoff</source>
        <translation>退避</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1308"/>
        <source>level %1, %2 ms</source>
        <translation>第 %1 级，%2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1347"/>
        <source>Nothing to %1: no held message is selected</source>
        <translation>无法 %1：未选中任何持有的消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1357"/>
        <source>%1 sent for %2 messages</source>
        <translation>已为 %2 条消息发送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1359"/>
        <source>; %1 selected were not held here</source>
        <translation>；所选消息中有 %1 条不由本窗口持有</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1386"/>
        <source>backlog snapshot: holding up to %1 more messages from the front of the channel (max in flight %2 until Release all)</source>
        <translation>积压快照：从通道最前端再持有至多 %1 条消息（在“全部释放”之前，最大处理中为 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1399"/>
        <source>backlog snapshot: %1 messages held; RDY 0 until you resume</source>
        <translation>积压快照：已持有 %1 条消息；恢复之前保持 RDY 0</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1414"/>
        <source>REQ 0 sent for %1 messages, oldest first</source>
        <translation>已从最早的开始为 %1 条消息发送 REQ 0</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1438"/>
        <location filename="../../ui/views/mainwindow.cpp" line="1457"/>
        <source>Could not write %1: %2</source>
        <translation>写入 %1 失败：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1567"/>
        <source>no longer in the list (older rows are dropped past the retention cap); shown as it was last seen</source>
        <translation>已不在列表中（超过保留上限的较早行会被丢弃）；按最后所见显示</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1618"/>
        <source>received %1 · held %2 · shown %3</source>
        <translation>已接收 %1 · 持有 %2 · 显示 %3</translation>
    </message>
</context>
<context>
    <name>nsqui::MessageModel</name>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="36"/>
        <source>in flight</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="38"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="40"/>
        <source>requeued</source>
        <translation>已重新入队</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="42"/>
        <source>timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="44"/>
        <source>lost with its connection</source>
        <translation>随连接丢失</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="46"/>
        <source>failed (max attempts)</source>
        <translation>失败（达到最大尝试次数）</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="85"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="87"/>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="89"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="91"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="93"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="97"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="99"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="101"/>
        <source>Body</source>
        <translation>消息体</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="129"/>
        <source>nsqd takes it back %1 unless it is touched</source>
        <translation>除非续期，nsqd 将%1收回</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="186"/>
        <source> (redelivered)</source>
        <translation>（重新投递）</translation>
    </message>
    <message>
        <location filename="../../ui/models/messagemodel.cpp" line="196"/>
        <location filename="../../ui/models/messagemodel.cpp" line="197"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>nsqui::PayloadView</name>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="171"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="171"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="173"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="174"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="175"/>
        <source>Decoded</source>
        <translation>解码</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="176"/>
        <source>MsgPack, CBOR, protobuf, compressed bodies: read as a tree</source>
        <translation>MsgPack、CBOR、protobuf、压缩的消息体：以树形读取</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="178"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="179"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="180"/>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="182"/>
        <source>Life</source>
        <translation>经历</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="183"/>
        <source>The path this message took, as this window saw it</source>
        <translation>本窗口所见的这条消息经历的路径</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="189"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="190"/>
        <source>Copy what this tab shows</source>
        <translation>复制此标签页显示的内容</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="192"/>
        <source>Save body…</source>
        <translation>保存消息体…</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="193"/>
        <source>Write the message body, byte for byte, to a file</source>
        <translation>将消息体逐字节原样写入文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="225"/>
        <source>Select a message to see its body.</source>
        <translation>选择一条消息以查看其消息体。</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="247"/>
        <source>%1 — %2 bytes, attempt %3</source>
        <translation>%1 — %2 字节，第 %3 次尝试</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="291"/>
        <source>

[first %1 KiB of %2 bytes shown; Save writes all of it]</source>
        <translation>

[仅显示 %2 字节中的前 %1 KiB；“保存”会写入全部内容]</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="302"/>
        <source>[%1 bytes are not valid UTF-8; shown as \xNN]
</source>
        <translation>[%1 个字节不是有效的 UTF-8；以 \xNN 形式显示]
</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="304"/>
        <source>[lines longer than %1 characters are broken for display; Copy and Save keep them whole]
</source>
        <translation>[超过 %1 个字符的行已为显示而折行；“复制”和“保存”会保留完整内容]
</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="318"/>
        <source>not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="318"/>
        <source>%1 at byte %2</source>
        <translation>%1（位于第 %2 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="323"/>
        <source>array</source>
        <translation>数组</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="323"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="333"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="333"/>
        <source>more than %1 values; not all shown</source>
        <translation>超过 %1 个值；未全部显示</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="349"/>
        <source>ID:          %1
Published:   %2 (%3 ns)
Received:    %4
Attempts:    %5
Size:        %6 bytes
nsqd:        %7
State:       %8
</source>
        <translation>ID：        %1
发布时间：  %2（%3 ns）
接收时间：  %4
尝试次数：  %5
大小：      %6 字节
nsqd：      %7
状态：      %8
</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="394"/>
        <source>Copied %1 characters</source>
        <translation>已复制 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="402"/>
        <source>Save message body</source>
        <translation>保存消息体</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="408"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="411"/>
        <source>Saved %1 bytes to %2</source>
        <translation>已将 %1 字节保存到 %2</translation>
    </message>
</context>
<context>
    <name>nsqui::PlotsPanel</name>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="56"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="59"/>
        <source>RDY and messages in flight (this consumer)</source>
        <translation>RDY 与处理中消息（本消费者）</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="59"/>
        <location filename="../../ui/views/plotspanel.cpp" line="61"/>
        <source>messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="60"/>
        <source>Messages per second</source>
        <translation>每秒消息数</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="60"/>
        <source>per second</source>
        <translation>每秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="61"/>
        <source>The channel on nsqd (/stats)</source>
        <translation>nsqd 上的通道（/stats）</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="72"/>
        <source>RDY total</source>
        <translation>RDY 总计</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="73"/>
        <source>in flight</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="75"/>
        <source>heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="78"/>
        <source>received/s</source>
        <translation>接收/秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="79"/>
        <source>finished/s</source>
        <translation>完成/秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="80"/>
        <source>requeued/s</source>
        <translation>重新入队/秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="81"/>
        <source>timed out/s</source>
        <translation>超时/秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="82"/>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="83"/>
        <source>in flight (nsqd)</source>
        <translation>处理中（nsqd）</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="87"/>
        <source>1 minute</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="88"/>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="89"/>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="91"/>
        <source>Stop following the present; drag or wheel over a plot to scroll and zoom in time</source>
        <translation>停止跟随当前时间；在图表上拖动或滚动滚轮可在时间轴上平移和缩放</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="95"/>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="97"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="101"/>
        <source>Show the last</source>
        <translation>显示最近</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="127"/>
        <location filename="../../ui/views/plotspanel.cpp" line="130"/>
        <source>Export the plots</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="127"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="134"/>
        <location filename="../../ui/views/plotspanel.cpp" line="138"/>
        <source>Export the plotted values</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="135"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="170"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="173"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="175"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="176"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="309"/>
        <source>RDY %1</source>
        <translation>RDY %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="553"/>
        <source>in backoff</source>
        <translation>退避中</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="584"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="594"/>
        <location filename="../../ui/views/plotspanel.cpp" line="623"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>nsqui::PublishJob</name>
    <message>
        <location filename="../../ui/session/publishjob.cpp" line="68"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/session/publishjob.cpp" line="74"/>
        <source> (%1 requests were not answered)</source>
        <translation>（%1 个请求未获应答）</translation>
    </message>
</context>
<context>
    <name>nsqui::PublishPanel</name>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="44"/>
        <source>Hex: &apos;%1&apos; at character %2 is not a hex digit</source>
        <translation>Hex：第 %2 个字符“%1”不是有效的 hex 数字</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="50"/>
        <source>Hex: an odd number of digits (%1); each byte takes two</source>
        <translation>Hex：数字个数为奇数（%1）；每个字节需要两位</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="114"/>
        <source>Load file…</source>
        <translation>载入文件…</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="116"/>
        <source>in MPUB batches</source>
        <translation>以 MPUB 批量发送</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="117"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="118"/>
        <source>Replay JSON Lines…</source>
        <translation>回放 JSON Lines…</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="119"/>
        <source>at the original pacing</source>
        <translation>按原始节奏</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="119"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="139"/>
        <source>topic</source>
        <translation>主题名</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="140"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="141"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="142"/>
        <source>TCP: PUB, MPUB and DPUB on a connection; HTTP: nsqd&apos;s /pub and /mpub</source>
        <translation>TCP：在连接上使用 PUB、MPUB 和 DPUB；HTTP：使用 nsqd 的 /pub 和 /mpub</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="143"/>
        <source>nsqd host:port</source>
        <translation>nsqd 主机:端口</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="144"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="144"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="144"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="144"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="146"/>
        <source>One message a line, as the export writes them: {&quot;body&quot;: &quot;…&quot;} (&quot;body_encoding&quot;: &quot;base64&quot; for bytes that are not text)</source>
        <translation>每行一条消息，与导出格式相同：{&quot;body&quot;: &quot;…&quot;}（非文本字节用 &quot;body_encoding&quot;: &quot;base64&quot;）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="149"/>
        <location filename="../../ui/views/publishpanel.cpp" line="414"/>
        <source>The message body</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="151"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="152"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="153"/>
        <source>Deliver after this long (DPUB); at most the server&apos;s max_req_timeout</source>
        <translation>延迟这么久之后再投递（DPUB）；最多为服务器的 max_req_timeout</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="155"/>
        <source>How many times to publish the body</source>
        <translation>消息体的发布次数</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="157"/>
        <source> /s</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="158"/>
        <source>as fast as it goes</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="159"/>
        <source>Send up to 100 at a time in one MPUB (not with a delay)</source>
        <translation>每个 MPUB 一次最多发送 100 条（不可与延迟同时使用）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="171"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="173"/>
        <source>via</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="177"/>
        <source>Body as</source>
        <translation>消息体格式</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="182"/>
        <source>Delay</source>
        <translation>延时</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="184"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="186"/>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="200"/>
        <source>Edit it here anyway</source>
        <translation>仍在此编辑</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="202"/>
        <source>Put the whole body in the editor; with a body this large, every change takes a moment</source>
        <translation>把整个消息体放入编辑器；消息体这么大时，每次修改都要稍等片刻</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="264"/>
        <source>Deliver after this long (DPUB); at most %1 ms, the server&apos;s max_req_timeout</source>
        <translation>延迟这么久之后再投递（DPUB）；最多 %1 毫秒，即服务器的 max_req_timeout</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="289"/>
        <source>%1 messages, not one</source>
        <translation>%1 条消息，而不是一条</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="303"/>
        <source>JSON: %1 at character %2</source>
        <translation>JSON：%1（位于第 %2 个字符）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="305"/>
        <source>JSON: one value is expected, not %1</source>
        <translation>JSON：应为单个值，而不是 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="315"/>
        <source>The body is empty; nsqd refuses empty messages</source>
        <translation>消息体为空；nsqd 会拒绝空消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="336"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="338"/>
        <source>Line %1: an empty body, which nsqd refuses</source>
        <translation>第 %1 行：消息体为空，nsqd 会拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="342"/>
        <source>Line %1 resends %2, which nsqd has already taken from this resend: take the line out, or its &quot;id&quot; to send it again anyway</source>
        <translation>第 %1 行重发 %2，而 nsqd 已在本次重发中接受了它：删去该行，或去掉它的 &quot;id&quot; 以仍然再发一次</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="349"/>
        <source>Line %1 resends %2, as line %3 does: give each message once, or take the &quot;id&quot; off the copy</source>
        <translation>第 %1 行重发 %2，第 %3 行也是如此：每条消息只给一次，或去掉副本的 &quot;id&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="363"/>
        <source>No message: write one JSON record a line, {&quot;body&quot;: &quot;…&quot;}</source>
        <translation>没有消息：每行写一条 JSON 记录，{&quot;body&quot;: &quot;…&quot;}</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="429"/>
        <source>These lines hold several messages (or a mistake: %1); they stay JSON Lines</source>
        <translation>这些行包含多条消息（或有错误：%1）；保持为 JSON Lines</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="449"/>
        <source>These bytes cannot be edited as text without changing them (not UTF-8, or CR, NUL, a no-break space…); they stay in hex</source>
        <translation>这些字节无法在不改变其内容的前提下作为文本编辑（不是 UTF-8，或含有 CR、NUL、不换行空格…）；将保持 hex 形式</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="466"/>
        <source>&apos;%1&apos; is not a valid topic name (1-64 of a-z A-Z 0-9 . _ -, optionally ending in #ephemeral)</source>
        <translation>“%1”不是有效的主题名称（由 1-64 个 a-z A-Z 0-9 . _ - 字符组成，可选以 #ephemeral 结尾）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="470"/>
        <source>Give the nsqd address to publish to</source>
        <translation>请提供要发布到的 nsqd 地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="472"/>
        <source>nsqd: %1</source>
        <translation>nsqd：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="487"/>
        <source>A delay of %1 ms is beyond the server&apos;s maximum (max_req_timeout, %2 ms)</source>
        <translation>%1 毫秒的延迟超出了服务器的上限（max_req_timeout，%2 毫秒）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="508"/>
        <source>%1 × %2 bytes</source>
        <translation>%1 × %2 字节</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/publishpanel.cpp" line="511"/>
        <source>%n messages from the editor</source>
        <translation>
            <numerusform>来自编辑器的 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="525"/>
        <location filename="../../ui/views/publishpanel.cpp" line="744"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="536"/>
        <source>%1, line %2: %3 (nothing was sent)</source>
        <translation>%1，第 %2 行：%3（未发送任何消息）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="542"/>
        <source>%1, line %2: an empty body, which nsqd refuses (nothing was sent)</source>
        <translation>%1，第 %2 行：消息体为空，nsqd 会拒绝（未发送任何消息）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="555"/>
        <source>%1 holds no messages</source>
        <translation>%1 中没有消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="560"/>
        <source>replay of %1</source>
        <translation>回放 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="588"/>
        <source>Waiting %1 s for the next message (its original pacing)…</source>
        <translation>按原始节奏等待 %1 秒后发送下一条消息…</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="602"/>
        <source>%1 s, %2 msg/s</source>
        <translation>%1 秒，%2 条/秒</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="608"/>
        <source>Published %1 of %2 to %3 via %4 %5 (%6; %7)</source>
        <translation>已通过 %4 %5 向 %3 发布 %1/%2 条（%6；%7）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="610"/>
        <source>Published %1 of %2 to %3 via %4 %5, then: %6</source>
        <translation>已通过 %4 %5 向 %3 发布 %1/%2 条，随后：%6</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="615"/>
        <source>(nsqd answers OK without the new message&apos;s ID.)</source>
        <translation>（nsqd 只回答 OK，不给出新消息的 ID。）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="629"/>
        <source>Finishing the original(s) %1…</source>
        <translation>正在完成原消息 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="632"/>
        <source>The original(s) are left as they were.</source>
        <translation>原消息保持原样。</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="633"/>
        <source>The other original(s) are left as they were.</source>
        <translation>其他原消息保持原样。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/publishpanel.cpp" line="668"/>
        <source>The %n accepted are taken out of the editor; the rest stay, to try again.</source>
        <translation>
            <numerusform>已被接受的 %n 条已从编辑器中移除；其余的保留，以便重试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="715"/>
        <source>Finish the original %1 once the new one is accepted</source>
        <translation>新消息被接受后完成原消息 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="654"/>
        <location filename="../../ui/views/publishpanel.cpp" line="718"/>
        <source>Finish each original held here (%1 of %2) once its new message is accepted</source>
        <translation>每条新消息被接受后，完成其在此持有的原消息（%2 条中的 %1 条）</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="725"/>
        <source>Resending %1: change the body or the topic, then Publish.</source>
        <translation>正在重发 %1：修改消息体或主题，然后点击发布。</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="727"/>
        <source>Resending %1 messages, a JSON record a line: change the bodies or the topic, then Publish.</source>
        <translation>正在重发 %1 条消息，每行一条 JSON 记录：修改消息体或主题，然后点击发布。</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="732"/>
        <source>The publish already running goes on as it was; Publish is back when it ends.</source>
        <translation>正在进行的发布照常继续；它结束后“发布”按钮恢复可用。</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="739"/>
        <source>Load a message body</source>
        <translation>载入消息体</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="410"/>
        <source>A body of %1, sent byte for byte as it is. Editing one this large by hand is slow: &quot;Edit it here anyway&quot; puts it in the editor.</source>
        <translation>一个 %1 的消息体，将按原样逐字节发送。手动编辑这么大的消息体很慢：“仍在此编辑”会把它放入编辑器。</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="767"/>
        <source>Replay messages</source>
        <translation>回放消息</translation>
    </message>
    <message>
        <location filename="../../ui/views/publishpanel.cpp" line="768"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>nsqui::SchemaDialog</name>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="23"/>
        <source>Protobuf schema</source>
        <translation>Protobuf schema</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="25"/>
        <source>/path/a.proto; /path/b.proto</source>
        <translation>/path/a.proto; /path/b.proto</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="28"/>
        <source>folders where imports are found (optional)</source>
        <translation>查找 import 的文件夹（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="31"/>
        <source>or: protoc --descriptor_set_out … --include_imports</source>
        <translation>或：protoc --descriptor_set_out … --include_imports</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="39"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="39"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="39"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="43"/>
        <source>Include folder</source>
        <translation>import 文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="47"/>
        <source>.proto files</source>
        <translation>.proto 文件</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="48"/>
        <source>Protocol Buffers (*.proto)</source>
        <translation>Protocol Buffers (*.proto)</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="50"/>
        <source>Descriptor set</source>
        <translation>描述符集</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="68"/>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="70"/>
        <source>Import the files and list their message types</source>
        <translation>导入这些文件并列出其中的消息类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="72"/>
        <source>.proto &amp;files:</source>
        <translation>.proto 文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="73"/>
        <source>&amp;Import folders:</source>
        <translation>import 文件夹(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="74"/>
        <source>&amp;Descriptor set:</source>
        <translation>描述符集(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="78"/>
        <source>&amp;Message type:</source>
        <translation>消息类型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="81"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="83"/>
        <source>No schema</source>
        <translation>不用 schema</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="85"/>
        <source>Read protobuf bodies without a schema (field numbers only)</source>
        <translation>不用 schema 读取 protobuf 消息体（只显示字段编号）</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="86"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/views/schemadialog.cpp" line="108"/>
        <source>Bodies of this topic are read as the message type chosen here. Fields the schema does not know are kept and marked.</source>
        <translation>本主题的消息体将按这里选择的消息类型读取。schema 中没有的字段会保留并标出。</translation>
    </message>
</context>
<context>
    <name>nsqui::ServerProbe</name>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="73"/>
        <source>no server to ask</source>
        <translation>没有可查询的服务器</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="161"/>
        <source>Could not check the topic before subscribing (%1).</source>
        <translation>订阅前无法检查主题（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="186"/>
        <source>Topic %1 has no channel yet and holds 1 message (%2). The first channel created receives it; on this ephemeral channel it is gone for good once this window disconnects.</source>
        <translation>主题 %1 还没有通道，其中有 1 条消息（%2）。第一个创建的通道会收到它；在这个临时通道上，本窗口断开连接后它将永久丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="190"/>
        <source>Topic %1 has no channel yet and holds 1 message (%2). The first channel created receives it: channel %3 takes it.</source>
        <translation>主题 %1 还没有通道，其中有 1 条消息（%2）。第一个创建的通道会收到它：将由通道 %3 接收。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="197"/>
        <source>Topic %1 has no channel yet and holds %2 messages (%3). The first channel created receives that whole backlog; on this ephemeral channel those messages are gone for good once this window disconnects.</source>
        <translation>主题 %1 尚无通道，积存了 %2 条消息（%3）。第一个创建的通道会收到全部积压；在这个临时通道上，一旦本窗口断开连接，这些消息就永久消失了。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="201"/>
        <source>Topic %1 has no channel yet and holds %2 messages (%3). The first channel created receives that whole backlog: channel %4 takes it.</source>
        <translation>主题 %1 尚无通道，积存了 %2 条消息（%3）。第一个创建的通道会收到全部积压：通道 %4 将接收它们。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="212"/>
        <source>in Hold mode every message held here is one they do not get until it is finished, requeued or times out.</source>
        <translation>在 Hold 模式下，本窗口持有的每条消息，在被完成、重新入队或超时之前，它们都收不到。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="216"/>
        <source>in Tail mode every message this window gets is finished here: they never get it.</source>
        <translation>在 Tail 模式下，本窗口收到的每条消息都会在这里被完成：它们永远收不到。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="220"/>
        <source>in Peek mode they still get every message, one attempt later.</source>
        <translation>在 Peek 模式下，它们仍会收到每条消息，只是尝试次数多一次。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="223"/>
        <source>Channel %1 already has %2 other consumer(s): %3</source>
        <translation>通道 %1 已有 %2 个其他消费者：%3</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="229"/>
        <source>Channel %1 does not exist yet. Subscribing creates it, and it keeps a copy of every message published to %2 from then on, after this window is gone, until someone deletes it.</source>
        <translation>通道 %1 尚不存在。订阅会创建它；此后发布到 %2 的每条消息都会在其中保留一份副本，即使本窗口关闭也是如此，直到有人删除该通道。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="234"/>
        <source>Could not check the topic before subscribing (%1). Give the nsqd HTTP address if it is not the TCP port + 1.</source>
        <translation>订阅前无法检查主题（%1）。如果 nsqd 的 HTTP 端口不是 TCP 端口 + 1，请提供其 HTTP 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="240"/>
        <source>Held messages go back to the channel after msg_timeout, %1, unless touched.</source>
        <translation>持有的消息若未续期，将在 msg_timeout（%1）之后回到通道。</translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="243"/>
        <source>Held messages go back to the channel after msg_timeout (nsqd&apos;s default is 60 s) unless touched.</source>
        <translation>持有的消息若未续期，将在 msg_timeout（nsqd 默认为 60 秒）之后回到通道。</translation>
    </message>
</context>
<context>
    <name>nsqui::TimeFormat</name>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="60"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="63"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="66"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="67"/>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="74"/>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="74"/>
        <source>in %1</source>
        <translation>%1后</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="122"/>
        <source>%1 local
%2
%3</source>
        <translation>%1 本地
%2
%3</translation>
    </message>
    <message>
        <location filename="../../ui/models/timeformat.cpp" line="130"/>
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
</context>
<context>
    <name>nsqui::TimelineModel</name>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="31"/>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="33"/>
        <source>RDY</source>
        <translation>RDY</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="35"/>
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="37"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="39"/>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="41"/>
        <source>message finished</source>
        <translation>消息已完成</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="43"/>
        <source>message requeued</source>
        <translation>消息已重新入队</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="45"/>
        <source>message touched</source>
        <translation>消息已续期</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="47"/>
        <source>message timed out</source>
        <translation>消息已超时</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="49"/>
        <source>action failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="51"/>
        <source>backoff</source>
        <translation>退避</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="53"/>
        <source>continue</source>
        <translation>退避继续</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="55"/>
        <source>resume</source>
        <translation>恢复接收</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="57"/>
        <source>I/O error</source>
        <translation>I/O 错误</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="59"/>
        <source>heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="61"/>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="63"/>
        <source>held messages released</source>
        <translation>已释放持有的消息</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="90"/>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="105"/>
        <source>%1 events of this kind came in one batch: counted, not listed one by one</source>
        <translation>此类事件有 %1 条在同一批次中到达：仅计数，不逐条列出</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="124"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="126"/>
        <source>Connection</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="128"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="130"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="172"/>
        <source>%1, attempt %2, %3 bytes</source>
        <translation>%1，第 %2 次尝试，%3 字节</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="183"/>
        <source>finished on arrival (Tail)</source>
        <translation>到达即完成（Tail）</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="192"/>
        <source>subscribed</source>
        <translation>已订阅</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="208"/>
        <source>answered with NOP</source>
        <translation>已以 NOP 应答</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="212"/>
        <source>RDY %1</source>
        <translation>RDY %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="219"/>
        <source>%1, server&apos;s default delay</source>
        <translation>%1，服务器默认延迟</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="221"/>
        <source>%1, delay %2 ms</source>
        <translation>%1，延迟 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="237"/>
        <source>%1 passed max_attempts (%2)</source>
        <translation>%1 超过 max_attempts（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="244"/>
        <source>%1 held messages go back to the channel</source>
        <translation>%1 条持有的消息回到通道</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="250"/>
        <source>level %1: RDY 0 for %2 ms</source>
        <translation>第 %1 级：RDY 0 持续 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="257"/>
        <source>level %1, %2 ms</source>
        <translation>第 %1 级，%2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="262"/>
        <source>backoff over</source>
        <translation>退避结束</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="302"/>
        <source>%1 in one batch (about 16 ms): counted, too many to list one by one</source>
        <translation>同一批次（约 16 毫秒）内有 %1 条：数量过多，仅计数，不逐条列出</translation>
    </message>
</context>
<context>
    <name>nsqui::TimelinePanel</name>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="54"/>
        <source>All connections</source>
        <translation>所有连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="57"/>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="60"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="128"/>
        <source>%1 per-message events counted per batch, not listed</source>
        <translation>%1 条逐消息事件按批次计数，未逐条列出</translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="131"/>
        <source>%1 older events dropped from view</source>
        <translation>已从视图中移除 %1 条较早的事件</translation>
    </message>
</context>
<context>
    <name>nsqui::TourModel</name>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="29"/>
        <source>1. Connect</source>
        <translation>1. 建立连接</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="31"/>
        <source>2. The magic &quot;  V2&quot;</source>
        <translation>2. 魔数 &quot;  V2&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="33"/>
        <source>3. IDENTIFY: agree on features</source>
        <translation>3. IDENTIFY：协商特性</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="35"/>
        <source>4. TLS, compression, AUTH</source>
        <translation>4. TLS、压缩、AUTH</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="37"/>
        <source>5. SUB: join the channel</source>
        <translation>5. SUB：加入通道</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="39"/>
        <source>6. RDY: ready for messages</source>
        <translation>6. RDY：准备接收消息</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="41"/>
        <source>7. A message arrives</source>
        <translation>7. 收到一条消息</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="43"/>
        <source>8. The handler decides</source>
        <translation>8. 由 handler 处理</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="45"/>
        <source>9. FIN, REQ or TOUCH</source>
        <translation>9. FIN、REQ 或 TOUCH</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="47"/>
        <source>10. Heartbeat, answered with NOP</source>
        <translation>10. 心跳，以 NOP 应答</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="49"/>
        <source>11. Backoff and recovery</source>
        <translation>11. 退避与恢复</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="51"/>
        <source>12. CLS and close</source>
        <translation>12. CLS 与关闭连接</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="62"/>
        <source>The consumer opens a TCP connection to each nsqd that has the topic: the addresses you gave, or those nsqlookupd names. Each connection is handled on its own; nothing is shared between them but the consumer&apos;s limits.</source>
        <translation>消费者与每个拥有该主题的 nsqd 建立一条 TCP 连接：地址来自你的输入，或由 nsqlookupd 查询得到。每条连接各自独立运行，彼此之间只共享消费者的整体限额。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="66"/>
        <source>The first four bytes on the wire are two spaces, V and 2. They tell nsqd which protocol version the client speaks; nsqd answers nothing and waits for the next command.</source>
        <translation>连接上发出的头四个字节是两个空格加上 V 和 2。它告诉 nsqd 客户端使用哪个协议版本；nsqd 对此不作应答，而是等待下一条命令。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="70"/>
        <source>IDENTIFY sends a JSON object of what the client wants (heartbeat interval, msg_timeout, TLS, compression, its name). nsqd answers with what it grants: max_rdy_count, msg_timeout and the features both sides will now use.</source>
        <translation>IDENTIFY 以 JSON 对象发送客户端的期望（心跳间隔、msg_timeout、TLS、压缩、客户端名称）。nsqd 回复它所同意的设置：max_rdy_count、msg_timeout，以及双方此后将使用的特性。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="74"/>
        <source>If IDENTIFY agreed on TLS, the connection is encrypted right after the answer; then snappy or deflate compression may start; then AUTH sends a secret if nsqd asked for one. Each changes the bytes on the wire, not the commands.</source>
        <translation>如果 IDENTIFY 协商启用了 TLS，连接会在应答之后立即加密；接着可能开启 snappy 或 deflate 压缩；如果 nsqd 要求认证，再用 AUTH 发送密钥。这些步骤改变的是线路上的字节，而不是命令本身。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="78"/>
        <source>SUB names the topic and the channel. The channel is the consumer&apos;s queue: every channel gets a copy of every message, and the consumers of one channel share its messages between them.</source>
        <translation>SUB 指定主题和通道。通道就是消费者的队列：每个通道都会收到每条消息的一份副本，而同一个通道的多个消费者会分摊其中的消息。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="82"/>
        <source>RDY is flow control: it tells nsqd how many messages it may send before it has to wait. It is a window nsqd keeps, not a request; the consumer changes it only when its max-in-flight share changes. RDY 0 stops delivery.</source>
        <translation>RDY 用于流量控制：它告诉 nsqd 在必须等待之前最多可以推送多少条消息。它是 nsqd 保存的一个窗口，而不是一次性请求；只有当消费者分到的 max-in-flight 份额变化时才会重新发送。RDY 0 表示暂停投递。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="86"/>
        <source>nsqd sends a message frame: its ID, a timestamp, the number of attempts and the body. From now on it is in flight: nsqd waits up to msg_timeout for an answer before it gives the message to someone else.</source>
        <translation>nsqd 发送一个消息帧：包含消息 ID、时间戳、尝试次数（attempts）和消息体。从这一刻起消息处于处理中（in flight）状态：nsqd 最多等待 msg_timeout，若仍未收到应答，就会把消息交给其他消费者。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="92"/>
        <source>Here the handler is you: in Hold mode every message waits in flight until you finish, requeue or touch it in the message table.</source>
        <translation>这里的 handler 就是你：在 Hold 模式下，每条消息都保持处理中状态，直到你在消息表中对它执行完成（FIN）、重新入队（REQ）或续期（TOUCH）。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="95"/>
        <source>Here the handler is the Tail mode: each message is finished as soon as it arrives, the way nsq_tail reads a topic.</source>
        <translation>这里的 handler 是 Tail 模式：每条消息一到达就被完成（FIN），就像 nsq_tail 读取主题那样。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="98"/>
        <source>Here the handler is the Peek mode: each message is requeued at once with no delay, so it comes back with one more attempt and other consumers still get it.</source>
        <translation>这里的 handler 是 Peek 模式：每条消息都会立即以零延迟重新入队，因此它回来时尝试次数加一，其他消费者仍然能收到它。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="104"/>
        <source>FIN tells nsqd the message is done and can be forgotten. REQ puts it back on the channel, after a delay if one is given; it comes back with attempts + 1. TOUCH resets its msg_timeout to keep it longer.</source>
        <translation>FIN 告诉 nsqd 这条消息已处理完毕，可以丢弃。REQ 把消息放回通道（可指定延迟），它回来时尝试次数加一。TOUCH 重置它的 msg_timeout，让消费者可以保留更久。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="108"/>
        <source>When nothing else is sent, nsqd sends a _heartbeat_ response every heartbeat interval. The consumer must answer with NOP; after two missed heartbeats nsqd closes the connection, and the consumer closes it if heartbeats stop coming.</source>
        <translation>在没有其他数据发送时，nsqd 每隔一个心跳间隔发送一次 _heartbeat_ 响应。消费者必须以 NOP 应答；连续两次未应答，nsqd 就会关闭连接；如果心跳不再到来，消费者也会主动关闭连接。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="112"/>
        <source>When messages fail (a REQ), the consumer backs off: RDY 0 on every connection for a while that grows with each failure, then RDY 1 on one connection to test the water. Successes bring it back to full speed. This protects a struggling downstream from a flood of retries. (Here: turn on Messages ▸ Requeue as a failure, then requeue a message.)</source>
        <translation>当消息处理失败（REQ）时，消费者进入退避（backoff）：在所有连接上发送 RDY 0 并等待一段时间，每次失败等待时间都会变长；之后在一条连接上发送 RDY 1 试探。处理成功会让它逐步恢复全速。这样可以保护已经不堪重负的下游，避免被大量重试淹没。（在本程序中：打开“消息 ▸ 作为失败重新入队（退避）”，然后将一条消息重新入队。）</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="118"/>
        <source>To stop, the consumer sends CLS. nsqd answers CLOSE_WAIT and sends nothing more; the consumer answers what it still holds, then closes the connection. Messages still in flight go back to the channel.</source>
        <translation>要停止时，消费者发送 CLS。nsqd 回复 CLOSE_WAIT 后不再推送消息；消费者处理完手中仍持有的消息后关闭连接。仍处于处理中的消息会回到通道。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="190"/>
        <source>%1 — still to come</source>
        <translation>%1 —— 尚未发生</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="192"/>
        <source>%1 — not used in this session</source>
        <translation>%1 —— 本次会话未使用</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="194"/>
        <source>%1 — %2</source>
        <translation>%1 —— %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="294"/>
        <source>%1, attempt %2, %3 bytes</source>
        <translation>%1，第 %2 次尝试，%3 字节</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="308"/>
        <source>FIN (Tail mode)</source>
        <translation>FIN（Tail 模式）</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="332"/>
        <source>CLS sent</source>
        <translation>已发送 CLS</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="349"/>
        <source>RDY %1</source>
        <translation>RDY %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="352"/>
        <source>FIN %1</source>
        <translation>FIN %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="355"/>
        <source>REQ %1</source>
        <translation>REQ %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="359"/>
        <source>TOUCH %1</source>
        <translation>TOUCH %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="366"/>
        <source>level %1: RDY 0 for %2 ms</source>
        <translation>第 %1 级：RDY 0 持续 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="371"/>
        <source>recovered: RDY back to normal</source>
        <translation>已恢复：RDY 回到正常值</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="400"/>
        <source>%1 granted: max_rdy_count %2, msg_timeout %3 s</source>
        <translation>%1 同意：max_rdy_count %2，msg_timeout %3 秒</translation>
    </message>
</context>
<context>
    <name>nsqui::TourPanel</name>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="116"/>
        <source>Still to come in this session.</source>
        <translation>本次会话中尚未发生。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="119"/>
        <source>Not used in this session (the server and the connection options did not ask for it).</source>
        <translation>本次会话未使用（服务器和连接选项都没有要求）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="124"/>
        <source>Happened %1</source>
        <translation>发生于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="125"/>
        <source>Happened %1 on %2</source>
        <translation>发生于 %1，在 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/tourpanel.cpp" line="127"/>
        <source>, %n times so far</source>
        <translation>
            <numerusform>，至今共 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="142"/>
        <source>How an NSQ consumer works, step by step, as it happens on the connections of this window. Select a step to read about it.</source>
        <translation>NSQ 消费者如何工作：按照本窗口连接上实际发生的顺序逐步展示。选择一个步骤查看说明。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="144"/>
        <source>Show its frames</source>
        <translation>查看相关帧</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="145"/>
        <source>Select this step&apos;s frames in the wire trace</source>
        <translation>在线路跟踪中选中此步骤的帧</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="146"/>
        <source>Show its events</source>
        <translation>查看相关事件</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="147"/>
        <source>Select this step&apos;s events in the event timeline</source>
        <translation>在事件时间线中选中此步骤的事件</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="148"/>
        <source>Stop the replay</source>
        <translation>停止回放</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="148"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="149"/>
        <source>Walk through the steps this session went through again, one every few seconds</source>
        <translation>按本次会话经历的顺序重新演示各步骤，每隔几秒一步</translation>
    </message>
</context>
<context>
    <name>nsqui::TraceModel</name>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="35"/>
        <source>sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="35"/>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="56"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="58"/>
        <source>Connection</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="60"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="62"/>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="64"/>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
</context>
<context>
    <name>nsqui::TracePanel</name>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="33"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="35"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="37"/>
        <source>Save the frames in view as JSON Lines, whole (never cut)</source>
        <translation>将视图中的帧完整保存为 JSON Lines（绝不截断）</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="40"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="41"/>
        <source>Frames longer than this are cut in the hex pane; the saved file and --trace-file always have them whole</source>
        <translation>超过此长度的帧在 hex 窗格中会被截断；保存的文件和 --trace-file 中始终是完整的</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="52"/>
        <source>Show at most</source>
        <translation>最多显示</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="93"/>
        <location filename="../../ui/views/tracepanel.cpp" line="99"/>
        <source>Save the wire trace</source>
        <translation>保存线路跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="94"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="141"/>
        <location filename="../../ui/views/tracepanel.cpp" line="145"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="156"/>
        <source>Select a frame to see its bytes.</source>
        <translation>选择一帧以查看其字节。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="163"/>
        <source>Showing the first %1 of %2 bytes (the saved file has them all).</source>
        <translation>显示 %2 字节中的前 %1 字节（保存的文件包含全部内容）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="167"/>
        <source>%1 bytes, as framed on the wire (before compression and TLS).</source>
        <translation>%1 字节，与线路上的帧一致（压缩和 TLS 之前）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="177"/>
        <source>%1 older frames dropped from view</source>
        <translation>已从视图中移除 %1 个较早的帧</translation>
    </message>
</context>
</TS>
