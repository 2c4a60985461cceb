<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Language</name>
    <message>
        <location filename="../../ui/views/language.cpp" line="19"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="26"/>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="28"/>
        <source>A profile name has at most 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="30"/>
        <source>A profile name cannot contain / or \.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="127"/>
        <source>the AUTH secret was not stored: no usable keychain (%1); you will be asked for it when you connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/profilestore.cpp" line="145"/>
        <source>the AUTH secret could not be read from the keychain (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::ConnectPanel</name>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="54"/>
        <location filename="../../ui/views/connectpanel.cpp" line="300"/>
        <location filename="../../ui/views/connectpanel.cpp" line="318"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="63"/>
        <source>nsqd TCP addresses, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="66"/>
        <source>nsqlookupd HTTP addresses, separated by commas: the nsqd that have the topic are found through them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="69"/>
        <source>TCP port + 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="70"/>
        <source>nsqd HTTP addresses, for topic names and the checks made before subscribing; empty: each nsqd&apos;s TCP port + 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="74"/>
        <source>Ask the servers which topics they have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="81"/>
        <source>The topic to look at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="83"/>
        <source>new ephemeral channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="84"/>
        <source>Empty: a fresh ephemeral channel, gone when you disconnect. An existing channel shares its messages with its other consumers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="87"/>
        <source>Hold — keep each message until I act</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="88"/>
        <source>Tail — finish on arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="89"/>
        <source>Peek — requeue at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="95"/>
        <source>How many messages nsqd may have in flight to this window at once (RDY); may be changed while connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="103"/>
        <source>unsaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="104"/>
        <source>Saved connections: pick one, or type a name and Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="110"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="112"/>
        <source>Save this form as the profile named beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="113"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="115"/>
        <source>Delete the profile named beside it, and its secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="136"/>
        <source>Profile %1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="142"/>
        <source>Connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="147"/>
        <source>TLS, AUTH, compression, heartbeat, msg_timeout, user agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="155"/>
        <source>⚠ insecure: TLS without verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="170"/>
        <source>&amp;nsqd:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="171"/>
        <source>&amp;lookupd:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="172"/>
        <source>nsqd &amp;HTTP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="180"/>
        <source>&amp;Topic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="181"/>
        <source>&amp;Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="182"/>
        <source>&amp;Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="184"/>
        <source>Max in &amp;flight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="202"/>
        <source>Connect anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="204"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="231"/>
        <source>asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="300"/>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="318"/>
        <source>Checking the topic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="343"/>
        <source>Could not list topics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="345"/>
        <source>No topics yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="346"/>
        <source>%1 topics offered in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="387"/>
        <source>Saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="394"/>
        <source>storing the secret in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="397"/>
        <source>The secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="432"/>
        <source>Give an nsqd TCP address or an nsqlookupd HTTP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="436"/>
        <source>Give a topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="438"/>
        <source>Not a topic name: 1–64 characters of A–Z a–z 0–9 . _ -, optionally ending in #ephemeral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="442"/>
        <source>Not a channel name: 1–64 characters of A–Z a–z 0–9 . _ -, optionally ending in #ephemeral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="447"/>
        <source>Held messages go back to the channel at the server&apos;s msg_timeout unless you finish, requeue or touch them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="451"/>
        <source>Every message is finished as it arrives: it is consumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectpanel.cpp" line="454"/>
        <source>Every message is requeued at once, so others still get it; each look adds one to its attempts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::ConnectionOptions</name>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="29"/>
        <source>Use TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="31"/>
        <source>Verify the server&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="40"/>
        <source>system CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="42"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="44"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="51"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="57"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="47"/>
        <source>INSECURE: the server&apos;s identity is not checked; anyone in between can read and change the messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="52"/>
        <source>Sent with AUTH; kept in the system keychain, never in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="64"/>
        <location filename="../../ui/views/connectionoptions.cpp" line="69"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="68"/>
        <source>server&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="92"/>
        <source>CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="92"/>
        <source>Choose the CA certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="93"/>
        <source>Client cert:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="93"/>
        <source>Choose the client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="94"/>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="94"/>
        <source>Choose the client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="98"/>
        <source>AUTH secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="100"/>
        <source>Compression:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="101"/>
        <source>Heartbeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="102"/>
        <source>msg_timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="103"/>
        <source>User agent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="189"/>
        <source>%1 %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="191"/>
        <source>%1 %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="193"/>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="194"/>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="195"/>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/connectionoptions.cpp" line="197"/>
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::InspectorSession</name>
    <message>
        <location filename="../../ui/session/inspectorsession.cpp" line="202"/>
        <location filename="../../ui/session/inspectorsession.cpp" line="206"/>
        <source>trace file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::MainWindow</name>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="66"/>
        <source>Regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="106"/>
        <source>Filter body and ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="110"/>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="125"/>
        <source>keep </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="126"/>
        <source> rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="127"/>
        <source>How many messages the table keeps; older ones are dropped from view (not from NSQ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="149"/>
        <location filename="../../ui/views/mainwindow.cpp" line="713"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="157"/>
        <location filename="../../ui/views/mainwindow.cpp" line="713"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="167"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="168"/>
        <source>Delay for REQ: 0 to 3600 s (nsqd refuses more than its --max-req-timeout, 1 h by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="224"/>
        <source>channel stats: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="233"/>
        <source>Delay for REQ: 0 to %1 s (the server&apos;s max_req_timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="246"/>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="252"/>
        <location filename="../../ui/views/mainwindow.cpp" line="301"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="265"/>
        <source>%1 older messages dropped from view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="325"/>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="326"/>
        <source>FIN the selected messages: done with, gone from the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="327"/>
        <source>&amp;Requeue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="328"/>
        <source>REQ the selected messages with the delay beside it: back to the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="329"/>
        <source>&amp;Touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="330"/>
        <source>TOUCH the selected messages: restart their msg_timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="331"/>
        <source>Finish &amp;all held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="332"/>
        <source>FIN every message held in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="333"/>
        <source>Requeue all &amp;held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="334"/>
        <source>REQ every held message, oldest first, with the delay beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="335"/>
        <source>A&amp;uto-touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="336"/>
        <source>Touch held messages before their msg_timeout, so they stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="339"/>
        <source>Requeue as a &amp;failure (backoff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="340"/>
        <source>REQ as a failed handler sends it: the consumer backs off (RDY 0 for a while, then tests with RDY 1), as go-nsq&apos;s Requeue does. Off: a plain REQ, as RequeueWithoutBackoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="344"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="345"/>
        <source>RDY 0: no new messages until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="347"/>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="348"/>
        <source>Close the connections; held messages go back to the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="350"/>
        <source>Take &amp;backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="351"/>
        <source>Hold up to the number beside it from the front of the channel, then RDY 0: look at what waits without consuming it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="353"/>
        <source>Re&amp;lease all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="354"/>
        <source>REQ 0 every held message, oldest first: all go back to the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="355"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="356"/>
        <source>Write the selected messages (or all shown) to a JSON Lines file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="360"/>
        <source>How many messages a backlog snapshot holds (at most the server&apos;s max_rdy_count per nsqd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="367"/>
        <source>Export selected messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="367"/>
        <source>Export all shown messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="368"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="373"/>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="377"/>
        <source>C&amp;lear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="378"/>
        <source>Forget the messages shown, except those held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="380"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="380"/>
        <source>Close NSQ Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="382"/>
        <source>&amp;About NSQ Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="382"/>
        <source>Version and licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="383"/>
        <source>Connect to a real server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="384"/>
        <source>Leave demo mode and fill in your own nsqd or nsqlookupd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="405"/>
        <source>FIN sent for %1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="411"/>
        <source>REQ sent for %1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="429"/>
        <source>About NSQ Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="430"/>
        <source>&lt;b&gt;NSQ Inspector&lt;/b&gt; %1&lt;br&gt;A desktop tool for looking inside NSQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="447"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="453"/>
        <source>&amp;Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="462"/>
        <location filename="../../ui/views/mainwindow.cpp" line="720"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="463"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="465"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="474"/>
        <source>Common REQ delays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="477"/>
        <source>now (0 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="478"/>
        <source>5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="479"/>
        <source>30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="480"/>
        <source>1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="481"/>
        <source>10 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="482"/>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="506"/>
        <source>demo broker could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="509"/>
        <source>DEMO — embedded broker at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="539"/>
        <source>before subscribing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="576"/>
        <source>profile %1 loaded: press Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="593"/>
        <source>TLS without verification: the server&apos;s identity is not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="613"/>
        <source>%1: RDY %2, %3 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="636"/>
        <source>backoff level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="638"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="640"/>
        <source>no nsqd connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="650"/>
        <location filename="../../ui/views/mainwindow.cpp" line="723"/>
        <source>Record the wire trace</source>
        <translation>记录线路跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="655"/>
        <source>Record every frame sent and received (%1). Off, it costs nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="675"/>
        <location filename="../../ui/views/mainwindow.cpp" line="714"/>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="677"/>
        <location filename="../../ui/views/mainwindow.cpp" line="714"/>
        <source>Event timeline</source>
        <translation>事件时间线</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="678"/>
        <location filename="../../ui/views/mainwindow.cpp" line="715"/>
        <source>Wire trace</source>
        <translation>线路跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="679"/>
        <location filename="../../ui/views/mainwindow.cpp" line="715"/>
        <source>How a consumer works</source>
        <translation>消费者如何工作</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="695"/>
        <location filename="../../ui/views/mainwindow.cpp" line="722"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="753"/>
        <source>The wire trace was off when this happened: turn on View ▸ Record the wire trace, then reconnect to see these frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="755"/>
        <source>No frame of this step is in the trace (it was off then, or the frames were dropped from view).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="774"/>
        <source>The events of this step are no longer in the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="810"/>
        <source>closed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="814"/>
        <location filename="../../ui/views/mainwindow.cpp" line="817"/>
        <source>backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="814"/>
        <source>level %1, %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="853"/>
        <source>Nothing to %1: no held message is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="863"/>
        <source>%1 sent for %2 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="865"/>
        <source>; %1 selected were not held here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="892"/>
        <source>backlog snapshot: holding up to %1 more messages from the front of the channel (max in flight %2 until Release all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="905"/>
        <source>backlog snapshot: %1 messages held; RDY 0 until you resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="920"/>
        <source>REQ 0 sent for %1 messages, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="936"/>
        <location filename="../../ui/views/mainwindow.cpp" line="959"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/mainwindow.cpp" line="1020"/>
        <source>received %1 · held %2 · shown %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::PayloadView</name>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="166"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="166"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="168"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="169"/>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="170"/>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="171"/>
        <source>Base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="172"/>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="176"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="177"/>
        <source>Copy what this tab shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="179"/>
        <source>Save body…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="180"/>
        <source>Write the message body, byte for byte, to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="202"/>
        <source>Select a message to see its body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="216"/>
        <source>%1 — %2 bytes, attempt %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="244"/>
        <source>

[first %1 KiB of %2 bytes shown; Save writes all of it]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="255"/>
        <source>[%1 bytes are not valid UTF-8; shown as \xNN]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="257"/>
        <source>[lines longer than %1 characters are broken for display; Copy and Save keep them whole]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="271"/>
        <source>not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="271"/>
        <source>%1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="276"/>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="276"/>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="286"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="286"/>
        <source>more than %1 values; not all shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="301"/>
        <source>ID:          %1
Published:   %2 (%3 ns)
Received:    %4
Attempts:    %5
Size:        %6 bytes
nsqd:        %7
State:       %8
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="343"/>
        <source>Copied %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="351"/>
        <source>Save message body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="357"/>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/payloadview.cpp" line="360"/>
        <source>Saved %1 bytes to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::PlotsPanel</name>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="52"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="55"/>
        <source>RDY and messages in flight (this consumer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="55"/>
        <location filename="../../ui/views/plotspanel.cpp" line="57"/>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="56"/>
        <source>Messages per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="56"/>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="57"/>
        <source>The channel on nsqd (/stats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="62"/>
        <source>RDY total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="63"/>
        <source>in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="65"/>
        <source>heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="68"/>
        <source>received/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="69"/>
        <source>finished/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="70"/>
        <source>requeued/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="71"/>
        <source>timed out/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="72"/>
        <source>depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="73"/>
        <source>in flight (nsqd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="77"/>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="78"/>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="79"/>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="81"/>
        <source>Stop following the present; drag or wheel over a plot to scroll and zoom in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="85"/>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="87"/>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="91"/>
        <source>Show the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="117"/>
        <location filename="../../ui/views/plotspanel.cpp" line="120"/>
        <source>Export the plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="117"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="124"/>
        <location filename="../../ui/views/plotspanel.cpp" line="128"/>
        <source>Export the plotted values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="125"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="216"/>
        <source>RDY %1</source>
        <translation type="unfinished">RDY %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="457"/>
        <source>in backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="488"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/plotspanel.cpp" line="498"/>
        <location filename="../../ui/views/plotspanel.cpp" line="527"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::ServerProbe</name>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="76"/>
        <source>no server to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="165"/>
        <source>Could not check the topic before subscribing (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="190"/>
        <source>Topic %1 has no channel yet and holds %2 messages (%3). The first channel created receives that whole backlog; on this ephemeral channel those messages are gone for good once this window disconnects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="194"/>
        <source>Topic %1 has no channel yet and holds %2 messages (%3). The first channel created receives that whole backlog: channel %4 takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="205"/>
        <source>in Hold mode every message held here is one they do not get until it is finished, requeued or times out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="209"/>
        <source>in Tail mode every message this window gets is finished here: they never get it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="213"/>
        <source>in Peek mode they still get every message, one attempt later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="216"/>
        <source>Channel %1 already has %2 other consumer(s): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="222"/>
        <source>Channel %1 does not exist yet. Subscribing creates it, and it keeps a copy of every message published to %2 from then on, after this window is gone, until someone deletes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="227"/>
        <source>Could not check the topic before subscribing (%1). Give the nsqd HTTP address if it is not the TCP port + 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="233"/>
        <source>Held messages go back to the channel after msg_timeout, %1, unless touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/serverprobe.cpp" line="236"/>
        <source>Held messages go back to the channel after msg_timeout (nsqd&apos;s default is 60 s) unless touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::TimelineModel</name>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="29"/>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="31"/>
        <source>RDY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="33"/>
        <source>response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="35"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="37"/>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="39"/>
        <source>message finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="41"/>
        <source>message requeued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="43"/>
        <source>message touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="45"/>
        <source>message timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="47"/>
        <source>action failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="49"/>
        <source>backoff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="51"/>
        <source>continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="53"/>
        <source>resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="55"/>
        <source>I/O error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="57"/>
        <source>heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="59"/>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="61"/>
        <source>held messages released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="88"/>
        <source>%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="103"/>
        <source>%1 events of this kind came in one batch: counted, not listed one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="122"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="124"/>
        <source>Connection</source>
        <translation type="unfinished">连接</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="126"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="128"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="170"/>
        <source>%1, attempt %2, %3 bytes</source>
        <translation type="unfinished">%1，第 %2 次尝试，%3 字节</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="178"/>
        <source>finished on arrival (Tail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="187"/>
        <source>subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="203"/>
        <source>answered with NOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="207"/>
        <source>RDY %1</source>
        <translation type="unfinished">RDY %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="214"/>
        <source>%1, server&apos;s default delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="216"/>
        <source>%1, delay %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="232"/>
        <source>%1 passed max_attempts (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="239"/>
        <source>%1 held messages go back to the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="245"/>
        <source>level %1: RDY 0 for %2 ms</source>
        <translation type="unfinished">第 %1 级：RDY 0 持续 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="252"/>
        <source>level %1, %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="257"/>
        <source>backoff over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/timelinemodel.cpp" line="297"/>
        <source>%1 in one batch (about 16 ms): counted, too many to list one by one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::TimelinePanel</name>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="54"/>
        <source>All connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="57"/>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="60"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="128"/>
        <source>%1 per-message events counted per batch, not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timelinepanel.cpp" line="131"/>
        <source>%1 older events dropped from view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::TourModel</name>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="24"/>
        <source>1. Connect</source>
        <translation>1. 建立连接</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="26"/>
        <source>2. The magic &quot;  V2&quot;</source>
        <translation>2. 魔数 &quot;  V2&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="28"/>
        <source>3. IDENTIFY: agree on features</source>
        <translation>3. IDENTIFY：协商特性</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="30"/>
        <source>4. TLS, compression, AUTH</source>
        <translation>4. TLS、压缩、AUTH</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="32"/>
        <source>5. SUB: join the channel</source>
        <translation>5. SUB：订阅 channel</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="34"/>
        <source>6. RDY: ready for messages</source>
        <translation>6. RDY：准备接收消息</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="36"/>
        <source>7. A message arrives</source>
        <translation>7. 收到一条消息</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="38"/>
        <source>8. The handler decides</source>
        <translation>8. 由 handler 处理</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="40"/>
        <source>9. FIN, REQ or TOUCH</source>
        <translation>9. FIN、REQ 或 TOUCH</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="42"/>
        <source>10. Heartbeat, answered with NOP</source>
        <translation>10. 心跳，以 NOP 应答</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="44"/>
        <source>11. Backoff and recovery</source>
        <translation>11. 退避与恢复</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="46"/>
        <source>12. CLS and close</source>
        <translation>12. CLS 与关闭连接</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="57"/>
        <source>The consumer opens a TCP connection to each nsqd that has the topic: the addresses you gave, or those nsqlookupd names. Each connection is handled on its own; nothing is shared between them but the consumer&apos;s limits.</source>
        <translation>消费者（consumer）与每个拥有该 topic 的 nsqd 建立一条 TCP 连接：地址来自你的输入，或由 nsqlookupd 查询得到。每条连接各自独立运行，彼此之间只共享消费者的整体限额。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="61"/>
        <source>The first four bytes on the wire are two spaces, V and 2. They tell nsqd which protocol version the client speaks; nsqd answers nothing and waits for the next command.</source>
        <translation>连接上发出的头四个字节是两个空格加上 V 和 2。它告诉 nsqd 客户端使用哪个协议版本；nsqd 对此不作应答，而是等待下一条命令。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="65"/>
        <source>IDENTIFY sends a JSON object of what the client wants (heartbeat interval, msg_timeout, TLS, compression, its name). nsqd answers with what it grants: max_rdy_count, msg_timeout and the features both sides will now use.</source>
        <translation>IDENTIFY 以 JSON 对象发送客户端的期望（心跳间隔、msg_timeout、TLS、压缩、客户端名称）。nsqd 回复它所同意的设置：max_rdy_count、msg_timeout，以及双方此后将使用的特性。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="69"/>
        <source>If IDENTIFY agreed on TLS, the connection is encrypted right after the answer; then snappy or deflate compression may start; then AUTH sends a secret if nsqd asked for one. Each changes the bytes on the wire, not the commands.</source>
        <translation>如果 IDENTIFY 协商启用了 TLS，连接会在应答之后立即加密；接着可能开启 snappy 或 deflate 压缩；如果 nsqd 要求认证，再用 AUTH 发送密钥。这些步骤改变的是线路上的字节，而不是命令本身。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="73"/>
        <source>SUB names the topic and the channel. The channel is the consumer&apos;s queue: every channel gets a copy of every message, and the consumers of one channel share its messages between them.</source>
        <translation>SUB 指定 topic 和 channel。channel 就是消费者的队列：每个 channel 都会收到每条消息的一份副本，而同一个 channel 的多个消费者会分摊其中的消息。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="77"/>
        <source>RDY is flow control: it tells nsqd how many messages it may send before it has to wait. It is a window nsqd keeps, not a request; the consumer changes it only when its max-in-flight share changes. RDY 0 stops delivery.</source>
        <translation>RDY 用于流量控制：它告诉 nsqd 在必须等待之前最多可以推送多少条消息。它是 nsqd 保存的一个窗口，而不是一次性请求；只有当消费者分到的 max-in-flight 份额变化时才会重新发送。RDY 0 表示暂停投递。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="81"/>
        <source>nsqd sends a message frame: its ID, a timestamp, the number of attempts and the body. From now on it is in flight: nsqd waits up to msg_timeout for an answer before it gives the message to someone else.</source>
        <translation>nsqd 发送一个消息帧：包含消息 ID、时间戳、尝试次数（attempts）和消息体。从这一刻起消息处于 in-flight 状态：nsqd 最多等待 msg_timeout，若仍未收到应答，就会把消息交给其他消费者。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="87"/>
        <source>Here the handler is you: in Hold mode every message waits in flight until you finish, requeue or touch it in the message table.</source>
        <translation>这里的 handler 就是你：在 Hold 模式下，每条消息都保持 in-flight，直到你在消息表中对它执行完成（FIN）、重新入队（REQ）或续期（TOUCH）。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="90"/>
        <source>Here the handler is the Tail mode: each message is finished as soon as it arrives, the way nsq_tail reads a topic.</source>
        <translation>这里的 handler 是 Tail 模式：每条消息一到达就被完成（FIN），就像 nsq_tail 读取 topic 那样。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="93"/>
        <source>Here the handler is the Peek mode: each message is requeued at once with no delay, so it comes back with one more attempt and other consumers still get it.</source>
        <translation>这里的 handler 是 Peek 模式：每条消息都会立即以零延迟重新入队，因此它回来时尝试次数加一，其他消费者仍然能收到它。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="99"/>
        <source>FIN tells nsqd the message is done and can be forgotten. REQ puts it back on the channel, after a delay if one is given; it comes back with attempts + 1. TOUCH resets its msg_timeout to keep it longer.</source>
        <translation>FIN 告诉 nsqd 这条消息已处理完毕，可以丢弃。REQ 把消息放回 channel（可指定延迟），它回来时尝试次数加一。TOUCH 重置它的 msg_timeout，让消费者可以保留更久。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="103"/>
        <source>When nothing else is sent, nsqd sends a _heartbeat_ response every heartbeat interval. The consumer must answer with NOP; after two missed heartbeats nsqd closes the connection, and the consumer closes it if heartbeats stop coming.</source>
        <translation>在没有其他数据发送时，nsqd 每隔一个心跳间隔发送一次 _heartbeat_ 响应。消费者必须以 NOP 应答；连续两次未应答，nsqd 就会关闭连接；如果心跳不再到来，消费者也会主动关闭连接。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="107"/>
        <source>When messages fail (a REQ), the consumer backs off: RDY 0 on every connection for a while that grows with each failure, then RDY 1 on one connection to test the water. Successes bring it back to full speed. This protects a struggling downstream from a flood of retries. (Here: turn on Messages ▸ Requeue as a failure, then requeue a message.)</source>
        <translation>当消息处理失败（REQ）时，消费者进入退避（backoff）：在所有连接上发送 RDY 0 并等待一段时间，每次失败等待时间都会变长；之后在一条连接上发送 RDY 1 试探。处理成功会让它逐步恢复全速。这样可以保护已经不堪重负的下游，避免被大量重试淹没。（在本程序中：打开“Messages ▸ Requeue as a failure”，然后对一条消息执行 REQ。）</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="113"/>
        <source>To stop, the consumer sends CLS. nsqd answers CLOSE_WAIT and sends nothing more; the consumer answers what it still holds, then closes the connection. Messages still in flight go back to the channel.</source>
        <translation>要停止时，消费者发送 CLS。nsqd 回复 CLOSE_WAIT 后不再推送消息；消费者处理完手中仍持有的消息后关闭连接。仍处于 in-flight 的消息会回到 channel。</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="185"/>
        <source>%1 — still to come</source>
        <translation>%1 —— 尚未发生</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="187"/>
        <source>%1 — not used in this session</source>
        <translation>%1 —— 本次会话未使用</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="189"/>
        <source>%1 — %2</source>
        <translation>%1 —— %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="275"/>
        <source>%1, attempt %2, %3 bytes</source>
        <translation>%1，第 %2 次尝试，%3 字节</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="284"/>
        <source>FIN (Tail mode)</source>
        <translation>FIN（Tail 模式）</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="310"/>
        <source>CLS sent</source>
        <translation>已发送 CLS</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="324"/>
        <source>RDY %1</source>
        <translation>RDY %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="327"/>
        <source>FIN %1</source>
        <translation>FIN %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="330"/>
        <source>REQ %1</source>
        <translation>REQ %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="333"/>
        <source>TOUCH %1</source>
        <translation>TOUCH %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="340"/>
        <source>level %1: RDY 0 for %2 ms</source>
        <translation>第 %1 级：RDY 0 持续 %2 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="344"/>
        <source>recovered: RDY back to normal</source>
        <translation>已恢复：RDY 回到正常值</translation>
    </message>
    <message>
        <location filename="../../ui/models/tourmodel.cpp" line="360"/>
        <source>%1 granted: max_rdy_count %2, msg_timeout %3 s</source>
        <translation>%1 同意：max_rdy_count %2，msg_timeout %3 秒</translation>
    </message>
</context>
<context>
    <name>nsqui::TourPanel</name>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="105"/>
        <source>Still to come in this session.</source>
        <translation>本次会话中尚未发生。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="108"/>
        <source>Not used in this session (the server and the connection options did not ask for it).</source>
        <translation>本次会话未使用（服务器和连接选项都没有要求）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="114"/>
        <source>Happened at %1</source>
        <translation>发生于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="115"/>
        <source>Happened at %1 on %2</source>
        <translation>发生于 %1，连接 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/tourpanel.cpp" line="117"/>
        <source>, %n times so far</source>
        <translation>
            <numerusform>，至今共 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="132"/>
        <source>How an NSQ consumer works, step by step, as it happens on the connections of this window. Select a step to read about it.</source>
        <translation>NSQ 消费者如何工作：按照本窗口连接上实际发生的顺序逐步展示。选择一个步骤查看说明。</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="134"/>
        <source>Show its frames</source>
        <translation>查看相关帧</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="135"/>
        <source>Select this step&apos;s frames in the wire trace</source>
        <translation>在线路跟踪中选中此步骤的帧</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="136"/>
        <source>Show its events</source>
        <translation>查看相关事件</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="137"/>
        <source>Select this step&apos;s events in the event timeline</source>
        <translation>在事件时间线中选中此步骤的事件</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="138"/>
        <source>Stop the replay</source>
        <translation>停止回放</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="138"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/views/tourpanel.cpp" line="139"/>
        <source>Walk through the steps this session went through again, one every few seconds</source>
        <translation>按本次会话经历的顺序重新演示各步骤，每隔几秒一步</translation>
    </message>
</context>
<context>
    <name>nsqui::TraceModel</name>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="34"/>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="34"/>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="55"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="57"/>
        <source>Connection</source>
        <translation type="unfinished">连接</translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="59"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="61"/>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/tracemodel.cpp" line="63"/>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nsqui::TracePanel</name>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="33"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="35"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="37"/>
        <source>Save the frames in view as JSON Lines, whole (never cut)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="40"/>
        <source> bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="41"/>
        <source>Frames longer than this are cut in the hex pane; the saved file and --trace-file always have them whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="52"/>
        <source>Show at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="93"/>
        <location filename="../../ui/views/tracepanel.cpp" line="99"/>
        <source>Save the wire trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="94"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="141"/>
        <location filename="../../ui/views/tracepanel.cpp" line="145"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="156"/>
        <source>Select a frame to see its bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="163"/>
        <source>Showing the first %1 of %2 bytes (the saved file has them all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="167"/>
        <source>%1 bytes, as framed on the wire (before compression and TLS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/tracepanel.cpp" line="177"/>
        <source>%1 older frames dropped from view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
