<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="31"/>
        <source>About LiaSmart Desktop</source>
        <translation>关于 LiaSmart Desktop</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="35"/>
        <source>LiaSmart Desktop {version}</source>
        <translation>LiaSmart Desktop {version}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="41"/>
        <source>Send SMS through the LiaSmart (利亚智联) API.</source>
        <translation>通过利亚智联（LiaSmart）API 发送短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="43"/>
        <source>Data (settings, history):</source>
        <translation>数据（设置、发送记录）：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="44"/>
        <source>Logs:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="47"/>
        <source>Writing to support? Copy the diagnostic summary into your email: it names the versions, the system and these folders, never your password or any phone number.</source>
        <translation>需要联系技术支持？请把诊断信息复制到邮件中：其中包括版本、系统和以上文件夹，绝不包含您的密码或任何手机号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="56"/>
        <source>&amp;Copy diagnostic summary</source>
        <translation>复制诊断信息(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="57"/>
        <source>Open the &amp;logs folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/about_dialog.py" line="84"/>
        <source>Copied. Paste it into your email to support.</source>
        <translation>已复制。请粘贴到发给技术支持的邮件中。</translation>
    </message>
</context>
<context>
    <name>AddNumbersDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="47"/>
        <source>Add to the do-not-message list</source>
        <translation>加入免打扰名单</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="49"/>
        <source>Numbers to add</source>
        <translation>要加入的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="50"/>
        <source>One number per line, for example +86 139 1234 5678</source>
        <translation>每行一个号码，例如 +86 139 1234 5678</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="52"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="53"/>
        <source>For example: asked by phone on 3 March</source>
        <translation>例如：3 月 3 日电话要求</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="55"/>
        <source>&amp;Numbers:</source>
        <translation>号码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="56"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../liasmart_desktop/ui/app.py" line="60"/>
        <source>Start with default settings? The broken file is kept beside it as settings.json.broken.</source>
        <translation>是否使用默认设置启动？损坏的文件会以 settings.json.broken 为名保留在原处。</translation>
    </message>
</context>
<context>
    <name>CampaignActions</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="38"/>
        <source>Re&amp;cord…</source>
        <translation>发送记录(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="39"/>
        <source>Who started it, with which template and list, and every step</source>
        <translation>由谁发起、使用的模板和名单，以及每一步操作</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="40"/>
        <source>Send &amp;now</source>
        <translation>立即发送(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="41"/>
        <source>Change the &amp;time…</source>
        <translation>更改时间(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="42"/>
        <source>Cance&amp;l…</source>
        <translation>取消(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="43"/>
        <source>E&amp;xport record…</source>
        <translation>导出记录(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="44"/>
        <source>Every campaign and what happened to it, as an Excel workbook</source>
        <translation>将所有群发任务及其经过导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="103"/>
        <source>Cancel the campaign</source>
        <translation>取消群发任务</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="104"/>
        <source>Cancel “{name}”? None of its {count} messages will be sent.</source>
        <translation>取消“{name}”吗？其中的 {count} 条短信都不会发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="124"/>
        <source>Export the record</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="124"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/campaign_actions.py" line="135"/>
        <source>Saved the record of {count} campaigns.</source>
        <translation>已保存 {count} 个群发任务的记录。</translation>
    </message>
</context>
<context>
    <name>CampaignRecordDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="39"/>
        <source>Campaign record</source>
        <translation>群发任务记录</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="44"/>
        <source>Campaign:</source>
        <translation>群发任务：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="45"/>
        <source>Started:</source>
        <translation>发起：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="46"/>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="47"/>
        <source>Sender ID and type:</source>
        <translation>发件人 ID 和类型：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="48"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="49"/>
        <source>List:</source>
        <translation>名单：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="50"/>
        <source>List fingerprint:</source>
        <translation>名单指纹：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="51"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="62"/>
        <source>Message text</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="64"/>
        <source>Message:</source>
        <translation>短信：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="67"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="67"/>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="68"/>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="67"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="85"/>
        <source>transactional (T)</source>
        <translation>事务类（T）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="85"/>
        <source>promotional (P)</source>
        <translation>营销类（P）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="86"/>
        <source>none (typed in the form)</source>
        <translation>无（在表单中输入）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="88"/>
        <source>{template}; quiet hours {window}</source>
        <translation>{template}；静默时段 {window}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="93"/>
        <source>{status}; to be sent at {time}</source>
        <translation>{status}；将于 {time} 发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="98"/>
        <source>{time} by {who}</source>
        <translation>{time}，由 {who} 发起</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="99"/>
        <source>an unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/campaign_record_dialog.py" line="104"/>
        <source>typed or pasted numbers</source>
        <translation>输入或粘贴的号码</translation>
    </message>
</context>
<context>
    <name>ComposePanel</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="197"/>
        <source>Imp&amp;ort from Excel…</source>
        <extracomment>The whole list is rendered again once typing pauses this long. A render stops if stale, and lets the GUI thread in, every this many recipients (~1 ms of work). Look-alikes that are problems in themselves (they block sending or hide text): always offered. What must be set up before anything can be sent (no account), as a sentence; &quot;&quot; when nothing. The campaign this very message and list were just sent as (&quot;&quot; when edited since).</extracomment>
        <translation>从 Excel 导入(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="198"/>
        <source>Import the recipients from a spreadsheet or CSV file</source>
        <translation>从电子表格或 CSV 文件导入收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="199"/>
        <source>Re&amp;view and send…</source>
        <translation>检查并发送(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="201"/>
        <source>Check the count, the cost and samples before anything is sent</source>
        <translation>发送之前，先核对短信数量、费用和样例</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="204"/>
        <source>Replace look-&amp;alikes…</source>
        <translation>替换相似字符(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="207"/>
        <source>Replace curly quotes, dashes and other look-alikes with plain characters that cost less</source>
        <translation>把弯引号、破折号等相似字符换成更省钱的普通字符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="210"/>
        <source>Insert fie&amp;ld</source>
        <translation>插入变量(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="212"/>
        <source>Insert a column of the imported list at the cursor</source>
        <translation>在光标处插入导入名单中的某一列</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="213"/>
        <source>New mes&amp;sage</source>
        <translation>新短信(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="215"/>
        <source>Clear the message and the recipients, keeping the sender ID, to write the next one</source>
        <translation>清空短信内容和收件人（保留发件人 ID），开始写下一条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="220"/>
        <source>S&amp;ender ID:</source>
        <translation>发件人 ID(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="225"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="226"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="227"/>
        <source>Standard characters only (T)</source>
        <translation>仅标准字符（T）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="228"/>
        <source>Unicode (U)</source>
        <translation>Unicode（U）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="229"/>
        <source>Encodin&amp;g:</source>
        <translation>编码(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="233"/>
        <source>Message</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="234"/>
        <source>Write the message. Insert a field to personalise it.</source>
        <translation>在此输入短信内容。插入变量可让每位收件人收到专属内容。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="235"/>
        <source>&amp;Message:</source>
        <translation>短信内容(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="241"/>
        <source>Insert field</source>
        <translation>插入变量</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="416"/>
        <source>Wait until the current send has finished.</source>
        <translation>请等待当前发送完成。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="439"/>
        <source>Counting the pasted numbers…</source>
        <translation>正在统计粘贴的号码…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="442"/>
        <source>Add recipients: paste phone numbers or import a list.</source>
        <translation>请添加收件人：粘贴手机号码，或导入名单。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="445"/>
        <source>The imported list has no number to send to. Clear it and import another.</source>
        <translation>导入的名单中没有可发送的号码。请清除后导入其他名单。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="446"/>
        <source>None of the pasted numbers can be used. Check them, or the default country.</source>
        <translation>粘贴的号码都无法使用。请检查号码或默认国家/地区。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="449"/>
        <source>No recipient would get this message: each one lacks a value for a merge field.</source>
        <translation>没有收件人能收到这条短信：每位收件人都缺少某个变量的值。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="655"/>
        <source>Row {row} · {phone}</source>
        <translation>第 {row} 行 · {phone}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="659"/>
        <source>Write the message to see it here.</source>
        <translation>输入短信内容后，会在这里预览。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="662"/>
        <source>Fix the merge fields to see the message.</source>
        <translation>请先修正变量，才能预览短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="673"/>
        <source>This recipient has no value for {fields}, so they will not get this message.</source>
        <translation>此收件人的 {fields} 没有值，因此不会收到这条短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="685"/>
        <source>Before review:</source>
        <translation>检查发送前请先处理：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="690"/>
        <source>This message was just sent to this list as “{name}”. Press New message to write the next one; reviewing this one again would send it to everyone a second time.</source>
        <translation>这条短信刚刚以“{name}”发送给了这份名单。点击“新短信”即可写下一条；若再次检查并发送这条，每个人都会第二次收到。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_panel.py" line="696"/>
        <source>Ready for review.</source>
        <translation>准备就绪，可以检查并发送。</translation>
    </message>
</context>
<context>
    <name>ComposeWording</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="39"/>
        <source>Standard characters (T)</source>
        <extracomment>At most this many characters are listed in a sentence; the rest is an ellipsis.</extracomment>
        <translation>标准字符（T）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="40"/>
        <source>Unicode (U)</source>
        <translation>Unicode（U）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="61"/>
        <source>Choose or type a sender ID: the name registered on your LiaSmart account.</source>
        <translation>请选择或输入发件人 ID，即您在 LiaSmart 账户中登记的名称。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="65"/>
        <source>The sender ID starts or ends with a space. Remove the space.</source>
        <translation>发件人 ID 的开头或结尾有空格，请删除空格。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="69"/>
        <source>The sender ID may hold only plain Latin letters (A–Z, without accents), digits and spaces.</source>
        <translation>发件人 ID 只能包含普通英文字母（A–Z，不带重音符号）、数字和空格。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="74"/>
        <source>The sender ID may hold only letters, digits and spaces.</source>
        <translation>发件人 ID 只能包含字母、数字和空格。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="78"/>
        <source>The sender ID has {length} characters; at most {limit} are allowed.</source>
        <translation>发件人 ID 有 {length} 个字符，最多只能有 {limit} 个。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="81"/>
        <source>A sender ID made only of digits may have at most {limit} digits.</source>
        <translation>纯数字的发件人 ID 最多只能有 {limit} 位。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="91"/>
        <source>Write the message.</source>
        <translation>请输入短信内容。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="93"/>
        <source>The message holds only spaces or invisible characters. Write the message.</source>
        <translation>短信中只有空格或不可见字符。请输入短信内容。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="97"/>
        <source>The message contains control characters that cannot be sent ({characters}). Use “Replace look-alikes” to remove them.</source>
        <translation>短信中含有无法发送的控制字符（{characters}）。请使用“替换相似字符”将其删除。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="103"/>
        <source>The message contains broken characters ({characters}). Retype the text around them.</source>
        <translation>短信中含有损坏的字符（{characters}）。请重新输入这些字符附近的文字。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="108"/>
        <source>The message contains text-direction characters ({characters}) that can make it read differently from what is sent. Use “Replace look-alikes” to remove them.</source>
        <translation>短信中含有文字方向控制字符（{characters}），可能使显示的内容与实际发送的不同。请使用“替换相似字符”将其删除。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="114"/>
        <source>The message contains invisible characters ({characters}); each one makes it Unicode.</source>
        <translation>短信中含有不可见字符（{characters}），其中任何一个都会使短信变为 Unicode 编码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="167"/>
        <source>Standard characters (T) cannot carry {characters}: they would be lost, and phones show question marks or nothing in their place. Choose Automatic to keep them; otherwise you are asked before sending.</source>
        <translation>“标准字符（T）”无法发送 {characters}：这些字符会丢失，手机上显示为问号或空白。如需保留，请选择“自动”；否则发送前会再问您一次。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="174"/>
        <source>A message has {parts} parts, more than {limit}, and every part is charged: you are asked before sending.</source>
        <translation>有短信长达 {parts} 条（超过 {limit} 条），每条都要计费：发送前会再问您一次。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="179"/>
        <source>A message would need {parts} parts, but at most {limit} parts can make one message. Shorten it.</source>
        <translation>有短信需要 {parts} 条，但一条长短信最多只能有 {limit} 条。请缩短内容。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="127"/>
        <source>A merge field opens with {open} but is never closed with {close}. To send a brace itself, type it twice.</source>
        <translation>有一个变量以 {open} 开头，却没有以 {close} 结尾。如需发送花括号本身，请连续输入两次。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="133"/>
        <source>There is a {close} without a matching {open}. To send a brace itself, type it twice.</source>
        <translation>有一个 {close} 没有对应的 {open}。如需发送花括号本身，请连续输入两次。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="138"/>
        <source>There is an empty merge field {field}. Put a column name between the braces.</source>
        <translation>有一个空变量 {field}。请在花括号中填写列名。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="142"/>
        <source>The merge field {field} matches no column of the list. Use “Insert field” to pick a column.</source>
        <translation>变量 {field} 与名单中的任何列都不匹配。请使用“插入变量”选择一列。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="147"/>
        <source>The merge field {field} needs an imported list with that column. Import the list, or type each brace twice to send it as text.</source>
        <translation>变量 {field} 需要导入含有该列的名单。请导入名单；如要按原样发送，请把每个花括号都连续输入两次。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="153"/>
        <source>The merge field {field} could mean several columns ({columns}). Use “Insert field” to pick one.</source>
        <translation>变量 {field} 可能对应多列（{columns}）。请使用“插入变量”选择其中一列。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/compose_wording.py" line="157"/>
        <source>{field} is sent as it is written, not filled in, because its braces are doubled.</source>
        <translation>{field} 的花括号是双写的，因此会按原样发送，不会被替换。</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="49"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="50"/>
        <source>Characters:</source>
        <translation>字符数：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="51"/>
        <source>Parts:</source>
        <translation>条数：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="52"/>
        <source>Left in this part:</source>
        <translation>本条剩余：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="53"/>
        <source>To save a part:</source>
        <translation>减少一条：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="54"/>
        <source>Forcing Unicode:</source>
        <translation>导致 Unicode：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="55"/>
        <source>Look-alikes:</source>
        <translation>相似字符：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="57"/>
        <source>Whole list:</source>
        <translation>整个名单：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="103"/>
        <source>{count} plus the merge fields</source>
        <translation>{count}（另加变量内容）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="107"/>
        <source>{characters} ({count} of them count twice: {extension})</source>
        <translation>{characters}（其中 {count} 个按两个字符计算：{extension}）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="112"/>
        <source>{parts} (up to {per_part} characters each)</source>
        <translation>{parts}（每条最多 {per_part} 个字符）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="119"/>
        <source>Remove 1 character from the end.</source>
        <translation>从末尾删除 1 个字符。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="122"/>
        <source>Remove {count} characters from the end.</source>
        <translation>从末尾删除 {count} 个字符。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="149"/>
        <source>{encoding}, detected from the text</source>
        <translation>{encoding}，根据内容自动识别</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="151"/>
        <source>{encoding}, chosen by you</source>
        <translation>{encoding}，由您手动选择</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="153"/>
        <source>Unicode parts hold 70 characters (67 when split) instead of 160.</source>
        <translation>Unicode 短信每条最多 70 个字符（长短信每条 67 个），而非 160 个。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="163"/>
        <source>the text&apos;s own script (Chinese, for example) needs Unicode</source>
        <translation>文字本身（例如中文）需要 Unicode</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="167"/>
        <source>{characters} (marked in the text)</source>
        <translation>{characters}（已在文中标出）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="180"/>
        <source>Replacing {characters} with plain look-alikes changes the parts per message from {parts_before} ({encoding_before}) to {parts_after} ({encoding_after}).</source>
        <translation>把 {characters} 替换为相似的普通字符后，每条短信的计费条数将从 {parts_before}（{encoding_before}）变为 {parts_after}（{encoding_after}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="194"/>
        <source>Replacing {characters} with plain look-alikes makes the message {encoding}: up to {per_part} characters per part instead of {per_part_now}.</source>
        <translation>把 {characters} 换成外观相似的普通字符后，短信将变为{encoding}：每条最多 {per_part} 个字符，而不是 {per_part_now} 个。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="217"/>
        <source>Counting the whole list…</source>
        <translation>正在统计整个名单…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="226"/>
        <source>The total could not be worked out. The log has the details.</source>
        <translation>无法算出合计。详细信息请查看日志。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="235"/>
        <source>Messages: {messages} · Parts: {parts}</source>
        <translation>短信数：{messages} · 计费条数：{parts}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="240"/>
        <source>Set a price per part in Settings to see the cost.</source>
        <translation>在设置中填写每条单价后即可看到费用。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="244"/>
        <source>Estimated cost: {cost} {currency}</source>
        <translation>预计费用：{cost} {currency}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="250"/>
        <source>Recipients in Unicode because of their values ({characters}): {count}</source>
        <translation>因变量内容而变为 Unicode 的收件人（{characters}）：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="257"/>
        <source>Recipients needing more parts because of their values: {count}</source>
        <translation>因变量内容而多占条数的收件人：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="263"/>
        <source>Recipients set aside because a merge field is empty: {count}</source>
        <translation>因变量为空而排除的收件人：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/counter_view.py" line="270"/>
        <source>Recipients set aside because their values hold characters that cannot be sent: {count}</source>
        <translation>因变量含有无法发送的字符而排除的收件人：{count}</translation>
    </message>
</context>
<context>
    <name>Countries</name>
    <message>
        <location filename="../../liasmart_desktop/ui/countries.py" line="22"/>
        <source>en</source>
        <extracomment>Translators: the language country names are shown in, &quot;en&quot; or &quot;zh&quot; (the Chinese translation says zh).</extracomment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/countries.py" line="23"/>
        <source>No country</source>
        <translation>无国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/countries.py" line="24"/>
        <source>{name} +{code}</source>
        <translation>{name} +{code}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/countries.py" line="25"/>
        <source>{phone} ({country})</source>
        <translation>{phone}（{country}）</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../liasmart_desktop/ui/crash_handler.py" line="68"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/crash_handler.py" line="71"/>
        <source>The app keeps running; details are in the log folder:</source>
        <translation>程序仍在运行，详细信息已记录在日志文件夹中：</translation>
    </message>
</context>
<context>
    <name>DestinationsView</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/destinations_view.py" line="48"/>
        <source>⚠ Not {country}: {others}. Check these numbers before sending.</source>
        <translation>⚠ 不在{country}：{others}。发送前请核对这些号码。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="68"/>
        <source>History</source>
        <extracomment>Column widths in characters (set once; never resized to contents), at least the header&apos;s width. The most useful columns come first; the account and the code are further right. The message column&apos;s width in characters (its whole text is in the tooltip and below the table). The dialog opens at this share of the screen (and no wider than the window it belongs to), and never larger than this.</extracomment>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="72"/>
        <source>Campaigns sent from this computer, newest first. Open one to see every message.</source>
        <translation>本机发送过的群发任务，最新的在前。打开任务可查看每条短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="75"/>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="163"/>
        <source>Loading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="77"/>
        <source>History status</source>
        <translation>历史记录状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="85"/>
        <source>Selected campaign</source>
        <translation>所选任务</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="88"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="91"/>
        <source>Show this campaign&apos;s messages in the main window</source>
        <translation>在主窗口中显示此任务的短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="93"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="137"/>
        <source>Campaigns</source>
        <translation>群发任务</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="179"/>
        <source>Nothing has been sent from this computer yet.</source>
        <translation>本机还没有发送过短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="183"/>
        <source>1 campaign.</source>
        <translation>共 1 个任务。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/history_dialog.py" line="183"/>
        <source>{count} campaigns.</source>
        <translation>共 {count} 个任务。</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="78"/>
        <source>Date</source>
        <extracomment>Data role holding the campaign code of a row (any column).</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="87"/>
        <source>Sender ID</source>
        <translation>发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="88"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="81"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="80"/>
        <source>Message</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="82"/>
        <source>Messages</source>
        <translation>短信数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="83"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="84"/>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="85"/>
        <source>Unknown</source>
        <translation>结果不明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="86"/>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="79"/>
        <source>Campaign</source>
        <translation>群发任务</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="89"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="90"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="95"/>
        <source>No clear answer came back for these messages: they may or may not have been delivered.</source>
        <translation>这些短信没有收到明确答复：可能已送达，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="97"/>
        <source>Messages still to send; open the campaign to continue.</source>
        <translation>尚待发送的短信；打开任务即可继续发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="99"/>
        <source>The LiaSmart account (API ID) the campaign is sent through, or the sandbox for practice campaigns. A campaign is only ever sent through its own account.</source>
        <translation>群发任务所用的 LiaSmart 账户（API ID）；练习任务则为沙盒。群发任务只会通过它自己的账户发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="127"/>
        <source>Sandbox (practice)</source>
        <translation>沙盒（练习）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="131"/>
        <source>Transactional</source>
        <translation>事务类短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="131"/>
        <source>Promotional</source>
        <translation>营销短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="135"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="136"/>
        <source>Scheduled</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="137"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="138"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="139"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="140"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="148"/>
        <source>Scheduled for {time}</source>
        <translation>定于 {time} 发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="150"/>
        <source>{status} – can be continued</source>
        <translation>{status} – 可继续</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="168"/>
        <source>{accepted} accepted, {rejected} rejected, {unknown} unknown, {waiting} not sent yet, {cancelled} cancelled; {set_aside} rows of the list were set aside.</source>
        <translation>已受理 {accepted} 条，被拒绝 {rejected} 条，结果不明 {unknown} 条，尚未发送 {waiting} 条，已取消 {cancelled} 条；名单中有 {set_aside} 行被排除。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="180"/>
        <source>Message: “{text}”</source>
        <translation>短信内容：“{text}”</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="189"/>
        <source>1 message got no clear answer from LiaSmart: it may or may not have been delivered. Open the campaign to decide whether to send it again.</source>
        <translation>有 1 条短信没有收到 LiaSmart 的明确答复：可能已送达，也可能没有。请打开任务，决定是否重新发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="196"/>
        <source>{count} messages got no clear answer from LiaSmart: they may or may not have been delivered. Open the campaign to decide whether to send them again.</source>
        <translation>有 {count} 条短信没有收到 LiaSmart 的明确答复：可能已送达，也可能没有。请打开任务，决定是否重新发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="201"/>
        <source>Open the campaign to continue sending the rest.</source>
        <translation>打开任务即可继续发送剩余的短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="227"/>
        <source>an unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="229"/>
        <source>Started by {who} from the template “{template}”.</source>
        <translation>由 {who} 使用模板“{template}”发起。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/history_model.py" line="232"/>
        <source>Started by {who}.</source>
        <translation>由 {who} 发起。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="77"/>
        <source>Spreadsheets and text files (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</source>
        <translation>电子表格和文本文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="80"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="81"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV 文件，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="260"/>
        <source>Import recipients — {name}</source>
        <extracomment>File problems that only a text file can have: its encoding and separator stay changeable. The buckets of rows that get no message (the filter&apos;s &quot;All rows with problems&quot;).</extracomment>
        <translation>导入收件人 — {name}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="272"/>
        <source>Import recipients</source>
        <translation>导入收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="285"/>
        <source>Choose the spreadsheet or CSV file with your recipients. The phone numbers can be in any column; the other columns become merge fields for the message.</source>
        <translation>请选择包含收件人的电子表格或 CSV 文件。手机号码可以在任意一列；其他列会成为短信中可用的变量。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="292"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="293"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="294"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="295"/>
        <source>Choose the file to import (Ctrl+O)</source>
        <translation>选择要导入的文件（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="297"/>
        <source>&amp;Reload</source>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="298"/>
        <source>Read the file again, after you changed it in Excel (F5)</source>
        <translation>在 Excel 中修改文件后，重新读取（F5）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="305"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="306"/>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="845"/>
        <source>Choose a workbook first</source>
        <translation>请先选择工作簿</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="307"/>
        <source>The worksheet that holds the list</source>
        <translation>名单所在的工作表</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="308"/>
        <source>First row is &amp;data (no header row)</source>
        <translation>第一行就是数据，没有标题行(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="310"/>
        <source>Tick this when the first row already holds a recipient; columns are then named A, B, C…</source>
        <translation>如果第一行已经是收件人，请勾选此项；各列将命名为 A、B、C…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="313"/>
        <source>Column with the phone numbers</source>
        <translation>手机号码所在列</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="314"/>
        <source>Choose the column</source>
        <translation>请选择列</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="318"/>
        <source>Default country</source>
        <translation>默认国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="316"/>
        <source>None — every number must have its country code</source>
        <translation>无 — 每个号码都必须带国家区号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="321"/>
        <source>Used only for numbers written without their country code; numbers that have one keep it. Type a country&apos;s name or code to find it.</source>
        <translation>只用于没有写国家区号的号码；写了区号的号码保持不变。输入国家/地区的名称或代码即可查找。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="328"/>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="330"/>
        <source>How the characters of a CSV or text file are stored; change it if names look garbled.</source>
        <translation>CSV 或文本文件中文字的存储方式；如果姓名显示为乱码，请更改此项。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="332"/>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="338"/>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="858"/>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="864"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="336"/>
        <source>Column separator</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="337"/>
        <source>The character between the columns of a CSV or text file</source>
        <translation>CSV 或文本文件中各列之间的分隔字符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="343"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="344"/>
        <source>Merge fields</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="345"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="347"/>
        <source>Problem with the file</source>
        <translation>文件问题</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="349"/>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="904"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="352"/>
        <source>Reading progress</source>
        <translation>读取进度</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="354"/>
        <source>S&amp;top reading</source>
        <translation>停止读取(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="368"/>
        <source>Show rows</source>
        <translation>要显示的行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="371"/>
        <source>Preview of the rows</source>
        <translation>行预览</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="383"/>
        <source>E&amp;xport rows with problems…</source>
        <translation>导出有问题的行(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="386"/>
        <source>Save the rows that get no message, with the reason, to fix them in Excel and import again</source>
        <translation>将不会收到短信的行连同原因另存为文件，在 Excel 中修正后再重新导入</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="390"/>
        <source>Download a sa&amp;mple spreadsheet…</source>
        <translation>下载示例表格(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="392"/>
        <source>Save an Excel file with the expected columns, the phone column formatted as Text</source>
        <translation>保存一个包含所需各列的 Excel 文件，手机号码列已设为“文本”格式</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="434"/>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="455"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="463"/>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="466"/>
        <source>P&amp;hone numbers in:</source>
        <translation>手机号码列(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="468"/>
        <source>Default &amp;country:</source>
        <translation>默认国家/地区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="470"/>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="472"/>
        <source>Column se&amp;parator:</source>
        <translation>分隔符(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="479"/>
        <source>What the file holds</source>
        <translation>文件内容统计</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="540"/>
        <source>Choose the recipient list</source>
        <translation>选择收件人名单</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="624"/>
        <source>Opening the file…</source>
        <translation>正在打开文件…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="645"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="660"/>
        <source>Reading rows: {done} of {total}</source>
        <translation>正在读取：第 {done} 行，共 {total} 行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="674"/>
        <source>{encoding}, {how}</source>
        <translation>{encoding}，{how}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="692"/>
        <source>Reading stopped. Press Reload to read the file again.</source>
        <translation>已停止读取。点击“重新读取”可再次读取文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="764"/>
        <source>Column names are taken from row {row}.</source>
        <translation>列名取自第 {row} 行。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="766"/>
        <source>No header row: every row is data and columns are named by their letters.</source>
        <translation>无标题行：每一行都是数据，各列以列字母命名。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="767"/>
        <source>{count} data rows read.</source>
        <translation>已读取 {count} 行数据。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="773"/>
        <source>Merge fields for the message: {fields}</source>
        <translation>短信可用的变量：{fields}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="779"/>
        <source>The list has no other columns, so the message has no merge fields.</source>
        <translation>名单中没有其他列，因此短信没有可用的变量。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="798"/>
        <source>All rows</source>
        <translation>所有行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="801"/>
        <source>All rows with problems</source>
        <translation>所有有问题的行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="814"/>
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="826"/>
        <source>{name} (column {letters})</source>
        <translation>{name}（{letters} 列）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="847"/>
        <source>A text file has no sheets</source>
        <translation>文本文件没有工作表</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="849"/>
        <source>Choose the sheet</source>
        <translation>请选择工作表</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="856"/>
        <source>Automatic (found: {encoding})</source>
        <translation>自动（识别为：{encoding}）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="862"/>
        <source>Automatic (found: {delimiter})</source>
        <translation>自动（识别为：{delimiter}）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="896"/>
        <source>{name} - rows to fix</source>
        <translation>{name} - 待修正的行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="899"/>
        <source>Export rows with problems</source>
        <translation>导出有问题的行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="904"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="904"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="905"/>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="923"/>
        <source>Recipients sample</source>
        <translation>收件人名单示例</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="925"/>
        <source>Save a sample spreadsheet</source>
        <translation>保存示例表格</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="941"/>
        <source>Phone</source>
        <comment>sample spreadsheet header: a name the importer knows, e.g. 手机号码</comment>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="942"/>
        <source>Name</source>
        <comment>sample spreadsheet header</comment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="943"/>
        <source>City</source>
        <comment>sample spreadsheet header</comment>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="946"/>
        <source>Alice</source>
        <comment>sample name</comment>
        <translation>王芳</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="946"/>
        <source>New York</source>
        <comment>sample city</comment>
        <translation>纽约</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="947"/>
        <source>Bruce</source>
        <comment>sample name</comment>
        <translation>李明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="947"/>
        <source>Sydney</source>
        <comment>sample city</comment>
        <translation>悉尼</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="949"/>
        <source>Recipients</source>
        <comment>sample worksheet name</comment>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/import_dialog.py" line="955"/>
        <source>Saved the sample to {path}. Fill it in (keep the phone column as Text), save it, and choose it here.</source>
        <translation>示例已保存到 {path}。请填写名单（手机号码列保持“文本”格式），保存后在这里选择该文件。</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="56"/>
        <source>Will be sent</source>
        <extracomment>Parameters shown as counts (&quot;1,234&quot;); row numbers and cell references are shown as they are.</extracomment>
        <translation>将发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="57"/>
        <source>Invalid</source>
        <translation>号码无效</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="58"/>
        <source>Missing</source>
        <translation>缺少号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="59"/>
        <source>Damaged by Excel</source>
        <translation>被 Excel 损坏</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="60"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="61"/>
        <source>Country unclear</source>
        <translation>国家不明确</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="67"/>
        <source>{count} recipient will get the message</source>
        <extracomment>How many rows are in a bucket, in plain words: (one, many).</extracomment>
        <translation>{count} 位收件人将收到短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="68"/>
        <source>{count} recipients will get the message</source>
        <translation>{count} 位收件人将收到短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="71"/>
        <source>{count} number is not a valid phone number</source>
        <translation>{count} 个号码不是有效的手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="72"/>
        <source>{count} numbers are not valid phone numbers</source>
        <translation>{count} 个号码不是有效的手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="75"/>
        <source>{count} row has no phone number</source>
        <translation>{count} 行没有手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="76"/>
        <source>{count} rows have no phone number</source>
        <translation>{count} 行没有手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="79"/>
        <source>{count} number was damaged by Excel</source>
        <translation>{count} 个号码被 Excel 损坏</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="80"/>
        <source>{count} numbers were damaged by Excel</source>
        <translation>{count} 个号码被 Excel 损坏</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="83"/>
        <source>{count} row repeats a number already in the list</source>
        <translation>{count} 行的号码与名单中已有的号码重复</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="84"/>
        <source>{count} rows repeat a number already in the list</source>
        <translation>{count} 行的号码与名单中已有的号码重复</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="87"/>
        <source>{count} number could be in more than one country</source>
        <translation>{count} 个号码可能属于不止一个国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="88"/>
        <source>{count} numbers could be in more than one country</source>
        <translation>{count} 个号码可能属于不止一个国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="92"/>
        <source>{count} empty row skipped</source>
        <translation>已跳过 {count} 个空行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="93"/>
        <source>{count} empty rows skipped</source>
        <translation>已跳过 {count} 个空行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="96"/>
        <source>Use {count} recipient</source>
        <translation>使用这 {count} 位收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="97"/>
        <source>Use {count} recipients</source>
        <translation>使用这 {count} 位收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="99"/>
        <source>No recipients to use</source>
        <translation>没有可用的收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="102"/>
        <source>This is a PDF, not a spreadsheet; export the list from where it came as .xlsx or .csv.</source>
        <translation>这是 PDF 文件，不是电子表格；请从名单的来源处将其导出为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="106"/>
        <source>This file is a web page saved under a spreadsheet name (common for exports from office systems); open it in Excel and save it as an Excel Workbook (.xlsx).</source>
        <translation>此文件其实是网页，只是用了电子表格的文件名（办公系统导出的文件常有这种情况）；请用 Excel 打开，另存为“Excel 工作簿 (.xlsx)”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="111"/>
        <source>This is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx.</source>
        <translation>这是 Excel 2003 XML 表格；请用 Excel 打开并另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="114"/>
        <source>Excel binary workbooks (.xlsb) are not read; open it in Excel and save it as .xlsx.</source>
        <translation>无法读取 Excel 二进制工作簿 (.xlsb)；请用 Excel 打开并另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="118"/>
        <source>This file is not a spreadsheet (it looks like another kind of document); save the list as .xlsx or .csv.</source>
        <translation>此文件不是电子表格（看起来是其他类型的文档）；请将名单保存为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="123"/>
        <source>This is a zip archive, not a spreadsheet; unpack it and import the .xlsx or .csv inside.</source>
        <translation>这是 zip 压缩包，不是电子表格；请先解压，再导入其中的 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="127"/>
        <source>This file is neither a spreadsheet nor a text file; save the list as .xlsx or .csv.</source>
        <translation>此文件既不是电子表格，也不是文本文件；请将名单保存为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="134"/>
        <source>The file {path} does not exist; check its name and folder.</source>
        <translation>文件 {path} 不存在；请检查文件名和所在文件夹。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="137"/>
        <source>The file {path} cannot be opened: another program (often Excel) has it open, or you may not read it; close it there and press Reload.</source>
        <translation>无法打开文件 {path}：它可能正被其他程序（通常是 Excel）占用，或者您没有读取权限；请在该程序中关闭文件，然后点击“重新读取”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="142"/>
        <source>The file {path} cannot be read ({detail}); check that it is a file you can open.</source>
        <translation>无法读取文件 {path}（{detail}）；请确认这是您能打开的文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="145"/>
        <source>The file {path} is empty; save the list again and press Reload.</source>
        <translation>文件 {path} 是空的；请重新保存名单，然后点击“重新读取”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="148"/>
        <source>The file is {size_mb} MB, more than the {limit_mb} MB limit; split the list into smaller files.</source>
        <translation>文件大小为 {size_mb} MB，超过了 {limit_mb} MB 的上限；请把名单拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="152"/>
        <source>The workbook is protected with a password; open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook) and save it again.</source>
        <translation>此工作簿设有密码保护；请用 Excel 打开，取消密码（文件 &gt; 信息 &gt; 保护工作簿）后重新保存。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="157"/>
        <source>The {kind} file is damaged or is not really a {kind} file; open it in its program and save it again as .xlsx.</source>
        <translation>此 {kind} 文件已损坏，或并不是真正的 {kind} 文件；请用相应的程序打开，另存为 .xlsx 文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="162"/>
        <source>The workbook holds {count} internal parts, more than the {limit} limit, which no ordinary spreadsheet has; save the list again from Excel.</source>
        <translation>此工作簿包含 {count} 个内部组件，超过了 {limit} 个的上限，普通表格不会这样；请用 Excel 重新保存名单。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="167"/>
        <source>The workbook unpacks to {size_mb} MB, more than the {limit_mb} MB limit; split the list into smaller files.</source>
        <translation>此工作簿解压后有 {size_mb} MB，超过了 {limit_mb} MB 的上限；请把名单拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="172"/>
        <source>The workbook&apos;s part {member} unpacks to {size_mb} MB, more than the {limit_mb} MB limit; split the list into smaller files.</source>
        <translation>此工作簿的组件 {member} 解压后有 {size_mb} MB，超过了 {limit_mb} MB 的上限；请把名单拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="177"/>
        <source>The workbook&apos;s part {member} unpacks {ratio} times larger than it is stored (limit {limit}), the mark of a zip bomb, so it was not opened; save the list again from Excel.</source>
        <translation>此工作簿的组件 {member} 解压后比压缩时大 {ratio} 倍（上限为 {limit} 倍），这是“压缩炸弹”的特征，因此没有打开；请用 Excel 重新保存名单。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="182"/>
        <source>The workbook&apos;s part {member} declares XML entities, which spreadsheet programs never write and attacks use, so it was not opened; save the list again from Excel.</source>
        <translation>此工作簿的组件 {member} 声明了 XML 实体：表格软件从不写入这种内容，攻击手段却会利用它，因此没有打开；请用 Excel 重新保存名单。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="187"/>
        <source>The workbook has no visible worksheet; unhide the sheet with the list in Excel and save it again.</source>
        <translation>此工作簿没有可见的工作表；请在 Excel 中取消隐藏名单所在的工作表，然后重新保存。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="191"/>
        <source>There is no worksheet named “{sheet}”; the visible sheets are: {sheets}.</source>
        <translation>没有名为“{sheet}”的工作表；可见的工作表有：{sheets}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="194"/>
        <source>The sheet “{sheet}” is hidden; unhide it in Excel and save, or choose a visible sheet in the Sheet list.</source>
        <translation>工作表“{sheet}”已隐藏；请在 Excel 中取消隐藏并保存，或在“工作表”列表中选择可见的工作表。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="199"/>
        <source>The sheet “{sheet}” is a chart, not a worksheet; choose the sheet with the list in the Sheet list.</source>
        <translation>“{sheet}”是图表，不是工作表；请在“工作表”列表中选择名单所在的工作表。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="203"/>
        <source>The list has more than {limit} data rows, the most one import takes; split it into smaller files.</source>
        <translation>名单超过 {limit} 行数据，这是单次导入的上限；请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="207"/>
        <source>The sheet has {count} columns, more than the {limit} limit; delete the columns that are not needed.</source>
        <translation>此工作表有 {count} 列，超过了 {limit} 列的上限；请删除不需要的列。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="211"/>
        <source>The sheet “{sheet}” spans {cells} cells from A1 to its last used cell, more than the {limit} limit; delete stray cells far from the list (Ctrl+End shows the last one) and save again.</source>
        <translation>工作表“{sheet}”从 A1 到最后一个使用过的单元格共有 {cells} 个单元格，超过了 {limit} 个的上限；请删除远离名单的零散单元格（按 Ctrl+End 可找到最后一个），然后重新保存。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="216"/>
        <source>Cell {column}{row} holds {length} characters, more than the {limit} limit; shorten it.</source>
        <translation>单元格 {column}{row} 有 {length} 个字符，超过了 {limit} 个的上限；请缩短内容。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="220"/>
        <source>“{encoding}” is not a known text encoding; choose one from the Encoding list.</source>
        <translation>“{encoding}”不是可识别的文本编码；请在“编码”列表中选择。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="224"/>
        <source>The file is not valid {encoding} text (line {line}); choose another encoding in the Encoding list, or save the file as “CSV UTF-8” in Excel.</source>
        <translation>此文件不是有效的 {encoding} 文本（第 {line} 行）；请在“编码”列表中选择其他编码，或在 Excel 中将文件另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="229"/>
        <source>The file&apos;s text encoding could not be recognised; choose it in the Encoding list, or save the file as “CSV UTF-8” in Excel.</source>
        <translation>无法识别此文件的文本编码；请在“编码”列表中选择，或在 Excel 中将文件另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="234"/>
        <source>“{delimiter}” cannot separate columns; choose a comma, semicolon, tab or vertical bar.</source>
        <translation>“{delimiter}”不能用作分隔符；请选择逗号、分号、制表符或竖线。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="238"/>
        <source>A quotation mark opened on row {row} is never closed, so the rest of the file would be one cell; fix that row and save again.</source>
        <translation>第 {row} 行有一个引号没有闭合，文件的其余部分都会被当成一个单元格；请修正该行后重新保存。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="243"/>
        <source>Row {row} cannot be read as CSV ({detail}); fix that row and save again.</source>
        <translation>第 {row} 行无法按 CSV 格式读取（{detail}）；请修正该行后重新保存。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="246"/>
        <source>Row {row} (column {column}) holds a NUL byte, an invisible character no one types (a damaged export, or the wrong encoding); remove it in a text editor, or open the file in Excel and save it again as “CSV UTF-8”.</source>
        <translation>第 {row} 行（{column} 列）含有一个 NUL 字节，这是没人会输入的不可见字符（导出文件已损坏，或编码选错了）；请用文本编辑器删除它，或在 Excel 中打开文件并另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="252"/>
        <source>There is no column “{column}”; the columns are: {columns}.</source>
        <translation>没有“{column}”列；现有的列是：{columns}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="255"/>
        <source>No column looks like phone numbers; choose it in “Phone numbers in” (the columns are: {columns}).</source>
        <translation>没有哪一列像是手机号码；请在“手机号码列”中选择（现有的列：{columns}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="259"/>
        <source>“{country}” is not a country code; choose a country in the Default country list.</source>
        <translation>“{country}”不是有效的国家/地区代码；请在“默认国家/地区”列表中选择。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="263"/>
        <source>The sheet “{sheet}” is empty; choose the sheet with the list in the Sheet list (other sheets: {others}).</source>
        <translation>工作表“{sheet}”是空的；请在“工作表”列表中选择名单所在的工作表（其他工作表：{others}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="268"/>
        <source>The sheet “{sheet}” is empty; check that this is the right file.</source>
        <translation>工作表“{sheet}”是空的；请确认是否选对了文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="271"/>
        <source>The file is empty; check that this is the right file.</source>
        <translation>文件是空的；请确认是否选对了文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="274"/>
        <source>The sheet “{sheet}” has only a header row (row {header_row}) and no data rows; add the recipients below it.</source>
        <translation>工作表“{sheet}”只有标题行（第 {header_row} 行），没有数据行；请在标题行下方添加收件人。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="279"/>
        <source>The file has only a header row (row {header_row}) and no data rows; add the recipients below it.</source>
        <translation>文件只有标题行（第 {header_row} 行），没有数据行；请在标题行下方添加收件人。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="283"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="286"/>
        <source>The phone cell is empty.</source>
        <translation>手机号码单元格是空的。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="287"/>
        <source>Excel has turned this number into scientific notation and replaced its last digits with zeros; format the column as Text, type or paste the numbers again, and re-export.</source>
        <translation>Excel 已把这个号码变成了科学计数法，并把最后几位换成了 0；请将该列设为“文本”格式，重新输入或粘贴号码，然后重新导出。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="292"/>
        <source>This number cell has more than 15 digits and Excel keeps only 15, so its last digits are lost; format the column as Text, type or paste the numbers again, and re-export.</source>
        <translation>这个数字单元格超过 15 位，而 Excel 只保留 15 位，因此最后几位已经丢失；请将该列设为“文本”格式，重新输入或粘贴号码，然后重新导出。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="297"/>
        <source>The cell holds {count} numbers; put one number per row.</source>
        <translation>该单元格中有 {count} 个号码；请每行只放一个号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="300"/>
        <source>The number has an extension ({extension}), which a text message cannot reach.</source>
        <translation>该号码带有分机号（{extension}），短信无法发送到分机。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="303"/>
        <source>The cell contains letters (“{character}”), not only a phone number.</source>
        <translation>该单元格含有字母（“{character}”），不只是手机号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="306"/>
        <source>The cell contains “{character}”, which does not belong in a phone number.</source>
        <translation>该单元格含有“{character}”，手机号码中不应有此字符。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="309"/>
        <source>The cell holds {kind}, not a phone number.</source>
        <translation>该单元格中是{kind}，不是手机号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="310"/>
        <source>The cell holds a number that is not a whole positive number.</source>
        <translation>该单元格中的数字不是正整数。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="313"/>
        <source>Too short for a phone number ({digits} digits).</source>
        <translation>号码太短，不是手机号码（{digits} 位）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="316"/>
        <source>Too long for a phone number ({digits} digits).</source>
        <translation>号码太长，不是手机号码（{digits} 位）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="317"/>
        <source>The number starts with a country code that does not exist.</source>
        <translation>该号码开头的国家区号不存在。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="320"/>
        <source>Not a valid phone number in {country}.</source>
        <translation>不是{country}的有效电话号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="323"/>
        <source>The number has no country code and no default country is set; choose one in the Default country list, or write the number with its country code.</source>
        <translation>该号码没有国家区号，也没有设置默认国家/地区；请在“默认国家/地区”列表中选择，或在号码前加上国家区号。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="328"/>
        <source>The same number as row {first_row}, which is kept.</source>
        <translation>与第 {first_row} 行的号码相同，只保留第 {first_row} 行。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="331"/>
        <source>The cell holds a formula whose value was never calculated (the file was saved by a program that does not calculate); open the file in Excel, save it, and import again.</source>
        <translation>该单元格是一个从未计算过的公式（保存文件的程序不会计算公式）；请在 Excel 中打开并保存该文件，然后重新导入。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="336"/>
        <source>This number could be {readings}, so it is not sent on a guess. Choose the default country, or write the number with + and its country code.</source>
        <translation>这个号码可能是 {readings}，因此不会凭猜测发送。请选择默认国家/地区，或在号码前写上 + 和国家区号。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="342"/>
        <source>The cell&apos;s formula gives {error} instead of a phone number; correct the formula (or type the number) in Excel, save, and import again.</source>
        <translation>该单元格的公式结果是 {error}，而不是手机号码；请在 Excel 中修正公式（或直接输入号码），保存后重新导入。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="348"/>
        <source>The number has no country code and no default country is chosen; it would be {readings}, but it is not sent on a guess. Choose the default country, or write the number with + and its country code.</source>
        <translation>该号码没有国家区号，也没有选择默认国家/地区；它可能是 {readings}，但不会凭猜测发送。请选择默认国家/地区，或在号码前写上 + 和国家区号。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="353"/>
        <source>{first} or {second}</source>
        <translation>{first}或 {second}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="354"/>
        <source>Not a valid phone number.</source>
        <translation>不是有效的手机号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="356"/>
        <source>a date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="357"/>
        <source>a time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="358"/>
        <source>a duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="359"/>
        <source>a true/false value</source>
        <translation>是/否值（TRUE/FALSE）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="363"/>
        <source>The file has no encoding mark and is not UTF-8, so it was read as {encoding}; if names look garbled, choose the right one in the Encoding list.</source>
        <translation>此文件没有编码标记，也不是 UTF-8 编码，因此按 {encoding} 读取；如果姓名显示为乱码，请在“编码”列表中选择正确的编码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="368"/>
        <source>Row {row} already holds data, so the file was read without a header row; columns are named by their letters.</source>
        <translation>第 {row} 行已经是数据，因此按无标题行读取；各列以列字母命名。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="373"/>
        <source>No column is named like a phone column; “{column}” was chosen because it holds phone numbers (choose another in “Phone numbers in”).</source>
        <translation>没有列名像是手机号码列；“{column}”列中是手机号码，因此选择了它（可在“手机号码列”中另选）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="378"/>
        <source>Column {column} repeats a header name, so it is called “{name}”.</source>
        <translation>{column} 列的标题与其他列重名，因此改称为“{name}”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="381"/>
        <source>The first sheet “{first}” holds no list of phone numbers, so the sheet “{sheet}” was read; choose another in the Sheet list.</source>
        <translation>第一个工作表“{first}”中没有手机号码名单，因此读取了工作表“{sheet}”；如需其他工作表，请在“工作表”列表中选择。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="389"/>
        <source>as you chose</source>
        <translation>按您的选择</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="390"/>
        <source>from the file&apos;s encoding mark</source>
        <translation>根据文件的编码标记</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="391"/>
        <source>recognised</source>
        <translation>已识别</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="392"/>
        <source>checked</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="393"/>
        <source>guessed</source>
        <translation>推测</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="398"/>
        <source>Unicode (UTF-8)</source>
        <extracomment>Encodings offered for text files: (Python codec name, what it is for).</extracomment>
        <translation>Unicode（UTF-8）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="399"/>
        <source>Simplified Chinese (GB18030, GBK)</source>
        <translation>简体中文（GB18030、GBK）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="400"/>
        <source>Traditional Chinese (Big5)</source>
        <translation>繁体中文（Big5）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="401"/>
        <source>Japanese (Shift-JIS)</source>
        <translation>日文（Shift-JIS）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="402"/>
        <source>Korean (EUC-KR)</source>
        <translation>韩文（EUC-KR）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="403"/>
        <source>Unicode (UTF-16, Excel “Unicode text”)</source>
        <translation>Unicode（UTF-16，Excel 的“Unicode 文本”）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="404"/>
        <source>Western European (Windows-1252)</source>
        <translation>西欧语言（Windows-1252）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="405"/>
        <source>Central European (Windows-1250)</source>
        <translation>中欧语言（Windows-1250）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="406"/>
        <source>Cyrillic (Windows-1251)</source>
        <translation>西里尔文（Windows-1251）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="407"/>
        <source>Greek (Windows-1253)</source>
        <translation>希腊文（Windows-1253）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="408"/>
        <source>Turkish (Windows-1254)</source>
        <translation>土耳其文（Windows-1254）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="409"/>
        <source>Hebrew (Windows-1255)</source>
        <translation>希伯来文（Windows-1255）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="410"/>
        <source>Arabic (Windows-1256)</source>
        <translation>阿拉伯文（Windows-1256）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="411"/>
        <source>Baltic (Windows-1257)</source>
        <translation>波罗的海语言（Windows-1257）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="412"/>
        <source>Thai (Windows-874)</source>
        <translation>泰文（Windows-874）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="415"/>
        <source>Comma ( , )</source>
        <translation>逗号（ , ）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="416"/>
        <source>Semicolon ( ; )</source>
        <translation>分号（ ; ）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="417"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="418"/>
        <source>Vertical bar ( | )</source>
        <translation>竖线（ | ）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="420"/>
        <source>The file {path} could not be saved ({detail}). If it is open in Excel, close it there; or choose another folder.</source>
        <translation>无法保存文件 {path}（{detail}）。如果文件已在 Excel 中打开，请先在 Excel 中关闭；或者选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="426"/>
        <source>Saved {count} row with a problem to {path}.</source>
        <translation>已将 {count} 行有问题的数据保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="427"/>
        <source>Saved {count} rows with problems to {path}.</source>
        <translation>已将 {count} 行有问题的数据保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/import_messages.py" line="429"/>
        <source>Something went wrong ({kind}). Details are in the log file.</source>
        <translation>出现了意外错误（{kind}）。详细信息已记录在日志文件中。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="54"/>
        <source>Row</source>
        <extracomment>Custom roles: the row&apos;s ``RowStatus`` and its ``Recipient`` or ``RowProblem``.</extracomment>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="56"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="57"/>
        <source>Phone in the file</source>
        <translation>文件中的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="58"/>
        <source>Will be sent to</source>
        <translation>实际发送号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="59"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="62"/>
        <source>The row number as the spreadsheet program shows it</source>
        <translation>表格软件中显示的行号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="63"/>
        <source>Whether the row gets a message</source>
        <translation>该行是否会收到短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="64"/>
        <source>Why the row gets no message</source>
        <translation>该行不会收到短信的原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="65"/>
        <source>The phone cell as the file holds it</source>
        <translation>文件中手机号码单元格的原始内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="66"/>
        <source>The number with its country code, as it will be sent</source>
        <translation>带国家区号的号码，即实际发送的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="69"/>
        <source>The country the message goes to (for an unclear number, each it could be)</source>
        <translation>短信发往的国家/地区（号码不明确时，列出每个可能的国家/地区）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/import_preview_model.py" line="73"/>
        <source>Column {letters} of the file</source>
        <translation>文件的 {letters} 列</translation>
    </message>
</context>
<context>
    <name>LookalikesDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="21"/>
        <source>Replace look-alike characters</source>
        <translation>替换相似字符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="25"/>
        <source>These characters make the message cost more than it looks. Each has a plain look-alike with the same meaning:</source>
        <translation>以下字符会让短信的费用比看上去更高。每个字符都有外观相似、意思相同的普通字符可以代替：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="36"/>
        <source>Before: {encoding_before}, parts per message: {parts_before}
After: {encoding_after}, parts per message: {parts_after}</source>
        <translation>替换前：{encoding_before}，每条短信计 {parts_before} 条
替换后：{encoding_after}，每条短信计 {parts_after} 条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="45"/>
        <source>Still Unicode afterwards because of: {characters}</source>
        <translation>替换后仍为 Unicode，原因是以下字符：{characters}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="53"/>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="70"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="72"/>
        <source>a plain space</source>
        <translation>普通空格</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="74"/>
        <source>a line break</source>
        <translation>换行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/lookalikes_dialog.py" line="77"/>
        <source>{character} → {replacement} (times: {count})</source>
        <translation>{character} → {replacement}（共 {count} 处）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="94"/>
        <source>LiaSmart Desktop {version}</source>
        <extracomment>The first window fits a 1024×700 screen (the smallest supported) with room for the taskbar. Characters a file name cannot hold on Windows, macOS or Linux.</extracomment>
        <translation>LiaSmart Desktop {version}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="109"/>
        <source>&amp;1 Message</source>
        <translation>&amp;1 写短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="129"/>
        <location filename="../../liasmart_desktop/ui/self_test.py" line="157"/>
        <source>&amp;File</source>
        <extracomment>The backend each system&apos;s keyring must offer (found through entry points, which frozen builds lose).</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="130"/>
        <source>&amp;New message</source>
        <translation>新短信(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="132"/>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="135"/>
        <source>&amp;Export results…</source>
        <translation>导出结果(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="140"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="141"/>
        <source>&amp;Campaign</source>
        <translation>发送(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="143"/>
        <source>&amp;Review and send…</source>
        <translation>检查并发送(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="145"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="146"/>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="147"/>
        <source>&amp;Cancel sending…</source>
        <translation>取消发送(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="149"/>
        <source>Refresh &amp;delivery status</source>
        <translation>刷新送达状态(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="151"/>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="158"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="159"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="160"/>
        <source>Practice in the &amp;sandbox</source>
        <translation>在沙盒中练习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="165"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="166"/>
        <source>&amp;About LiaSmart Desktop</source>
        <translation>关于 LiaSmart Desktop(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="239"/>
        <source>Set up your LiaSmart account first (Settings: API ID and password), or practise in the sandbox (Settings › Practice in the sandbox).</source>
        <translation>请先设置您的 LiaSmart 账户（设置：API ID 和密码），或在沙盒中练习（设置 › 在沙盒中练习）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="254"/>
        <source>Set up your LiaSmart account, or practise in the sandbox, to send.</source>
        <translation>设置 LiaSmart 账户或在沙盒中练习后才能发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="369"/>
        <source>&amp;2 Results (sending {percent}%)</source>
        <translation>&amp;2 发送结果（发送中 {percent}%）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="371"/>
        <source>&amp;2 Results (paused)</source>
        <translation>&amp;2 发送结果（已暂停）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="372"/>
        <source>&amp;2 Results</source>
        <translation>&amp;2 发送结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="432"/>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="465"/>
        <source>Saved 1 row to {path}.</source>
        <translation>已将 1 行保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="465"/>
        <source>Saved {count} rows to {path}.</source>
        <translation>已将 {count} 行保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="467"/>
        <source>It contains phone numbers: keep it safe.</source>
        <translation>文件中包含手机号码，请妥善保管。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="479"/>
        <source>Delivery reports checked: {delivered} delivered, {failed} not delivered, {pending} waiting.</source>
        <translation>已查询送达回执：已送达 {delivered} 条，未送达 {failed} 条，等待回执 {pending} 条。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="500"/>
        <source>Delivery reports could not be checked: {reason}</source>
        <translation>无法查询送达回执：{reason}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="310"/>
        <source>Not ready to send</source>
        <translation>还不能发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="315"/>
        <source>Preparing the messages…</source>
        <translation>正在准备短信…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="401"/>
        <source>Nothing was left to send.</source>
        <translation>没有剩余需要发送的短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="415"/>
        <source>Sending paused</source>
        <translation>发送已暂停</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="421"/>
        <source>Finished: {accepted} accepted, {rejected} rejected, {unknown} unknown.</source>
        <translation>发送完成：已受理 {accepted} 条，被拒绝 {rejected} 条，结果不明 {unknown} 条。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="432"/>
        <source>Sending stopped</source>
        <translation>发送已停止</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="451"/>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="453"/>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="526"/>
        <source>Leave the sandbox?</source>
        <translation>退出沙盒模式？</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/main_window.py" line="527"/>
        <source>Your account is set up. Stop practising and send real messages from now on?</source>
        <translation>您的账户已设置好。是否结束练习，从现在起发送真实短信？</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="51"/>
        <source>{first} {second}</source>
        <extracomment>Two sentences one after the other: a space in English, nothing between Chinese sentences.</extracomment>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="67"/>
        <source>Waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="68"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="69"/>
        <source>Will retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="70"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="71"/>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="72"/>
        <source>Unknown</source>
        <translation>结果不明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="73"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="77"/>
        <source>LiaSmart did not accept the API ID or password. Check them in Settings.</source>
        <translation>LiaSmart 不接受此 API ID 或密码。请在“设置”中检查。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="80"/>
        <source>LiaSmart refused this computer&apos;s internet address. Ask LiaSmart to add it to your account&apos;s IP allow-list.</source>
        <translation>LiaSmart 拒绝了本机的网络地址。请联系 LiaSmart，将其加入您账户的 IP 白名单。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="85"/>
        <source>Your LiaSmart balance is too low. Top it up, then continue.</source>
        <translation>您的 LiaSmart 余额不足。请充值后继续。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="88"/>
        <source>Your account may not send transactional messages. Send them as promotional, or ask LiaSmart to enable transactional SMS.</source>
        <translation>您的账户不能发送事务类短信。请改为营销短信发送，或联系 LiaSmart 开通事务类短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="93"/>
        <source>LiaSmart says your account is suspended or disabled. Contact LiaSmart.</source>
        <translation>LiaSmart 表示您的账户已被暂停或停用。请联系 LiaSmart。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="96"/>
        <source>The server at {host} does not offer the LiaSmart API. Check the API address in Settings › Advanced.</source>
        <translation>{host} 上的服务器不提供 LiaSmart API。请在“设置 › 高级”中检查 API 地址。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="100"/>
        <source>The proxy server refused the connection. Check your network&apos;s proxy settings.</source>
        <translation>代理服务器拒绝了连接。请检查网络的代理设置。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="103"/>
        <source>The security certificate of {host} could not be verified, so nothing was sent. If your office network inspects secure connections, turn on “Use the system certificate store” in Settings › Advanced.</source>
        <translation>无法验证 {host} 的安全证书，因此没有发送任何内容。如果您的办公网络会检查加密连接，请在“设置 › 高级”中开启“使用系统证书库”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="109"/>
        <source>A secure connection to {host} could not be set up. Check the API address.</source>
        <translation>无法与 {host} 建立安全连接。请检查 API 地址。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="112"/>
        <source>The request to {host} could not be made. Check the API address.</source>
        <translation>无法向 {host} 发出请求。请检查 API 地址。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="115"/>
        <source>Could not connect to {host}. Check the internet connection.</source>
        <translation>无法连接到 {host}。请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="118"/>
        <source>Connecting to {host} took too long. Check the internet connection.</source>
        <translation>连接 {host} 超时。请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="121"/>
        <source>No connection became free in time. Try again.</source>
        <translation>没有及时获得可用的连接。请重试。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="122"/>
        <source>LiaSmart did not receive the whole request in time. Try again.</source>
        <translation>LiaSmart 没有及时收到完整的请求。请重试。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="125"/>
        <source>LiaSmart asked to slow down. Try again in a moment.</source>
        <translation>LiaSmart 要求放慢发送速度。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="126"/>
        <source>LiaSmart did not answer in time.</source>
        <translation>LiaSmart 没有及时答复。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="127"/>
        <source>Sending the request took too long.</source>
        <translation>发送请求超时。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="128"/>
        <source>The connection was lost before LiaSmart answered.</source>
        <translation>LiaSmart 答复之前连接已中断。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="131"/>
        <source>The answer took too long to arrive.</source>
        <translation>等待答复超时。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="132"/>
        <source>LiaSmart had a server error (HTTP {status}).</source>
        <translation>LiaSmart 服务器出错（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="133"/>
        <source>The server sent the request elsewhere instead of answering. Check the API address.</source>
        <translation>服务器没有答复，而是把请求转到了别处。请检查 API 地址。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="136"/>
        <source>LiaSmart said: {remarks}</source>
        <translation>LiaSmart 答复：{remarks}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="137"/>
        <source>The answer was about a different message.</source>
        <translation>收到的答复针对的是另一条短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="139"/>
        <source>The answer from {host} could not be read. A proxy or a login page may be in the way.</source>
        <translation>无法读取 {host} 的答复。可能被代理服务器或登录页面拦截了。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="144"/>
        <source>The API address “{subject}” cannot be used ({detail}).</source>
        <translation>无法使用 API 地址“{subject}”（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="147"/>
        <source>The API address must start with https://.</source>
        <translation>API 地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="150"/>
        <source>The settings file {subject} cannot be read ({detail}). Fix or delete it; nothing was changed.</source>
        <translation>无法读取设置文件 {subject}（{detail}）。请修复或删除该文件；目前没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="154"/>
        <source>The settings could not be saved ({detail}). Free some disk space and try again.</source>
        <translation>无法保存设置（{detail}）。请腾出一些磁盘空间后重试。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="157"/>
        <source>The setting “{subject}” in the settings file is wrong ({detail}). Fix or delete the file.</source>
        <translation>设置文件中的“{subject}”有误（{detail}）。请修复或删除该文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="161"/>
        <source>The data folder {subject} cannot be used ({detail}).</source>
        <translation>无法使用数据文件夹 {subject}（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="164"/>
        <source>“{subject}” must be {detail}.</source>
        <translation>“{subject}”必须为 {detail}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="168"/>
        <source>a two-letter country code such as CN</source>
        <extracomment>What a value must be (``ConfigError.rule``), with its bounds filled in.</extracomment>
        <translation>两个字母的国家/地区代码，例如 CN</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="169"/>
        <source>P (promotional) or T (transactional)</source>
        <translation>P（营销）或 T（事务）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="170"/>
        <source>a whole number from {low} to {high}</source>
        <translation>{low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="171"/>
        <source>above 0 and at most {high}</source>
        <translation>大于 0 且不超过 {high}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="172"/>
        <source>a number, zero or more</source>
        <translation>不小于 0 的数字</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="173"/>
        <source>two different times of day, such as 21:00-08:00</source>
        <translation>一天中两个不同的时间，例如 21:00-08:00</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="177"/>
        <source>Default country</source>
        <extracomment>The settings a ``ConfigError`` may name, as the Settings dialog calls them.</extracomment>
        <translation>默认国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="178"/>
        <source>Message type</source>
        <translation>短信类型</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="179"/>
        <source>Messages sent at once</source>
        <translation>同时发送的短信数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="180"/>
        <source>Messages per second</source>
        <translation>每秒发送的短信数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="181"/>
        <source>Longest sender ID</source>
        <translation>发件人 ID 最大长度</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="182"/>
        <source>Price per part</source>
        <translation>每段价格</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="183"/>
        <source>Daily limit</source>
        <translation>每日上限</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="184"/>
        <source>Quiet hours</source>
        <translation>静默时段</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="188"/>
        <source>This campaign belongs to the LiaSmart account {account}, and a campaign is only ever sent through its own account. The account set up now is {current}. Nothing was sent.</source>
        <translation>这个群发任务属于 LiaSmart 账户 {account}，群发任务只会通过它自己的账户发送。当前设置的账户是 {current}。没有发送任何短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="193"/>
        <source>This campaign goes to real phones through {through}. To continue it, set up that account in Settings (and leave the sandbox if you are practising). Nothing was sent.</source>
        <translation>这个群发任务要通过{through}发送到真实手机。要继续发送，请在“设置”中设置该账户（如果正在练习，请先退出沙盒）。没有发送任何短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="273"/>
        <source>The history file was empty, so the record of earlier campaigns is gone from it. It was kept as {detail}; nothing was sent. Restore the history from a backup, or try again to start a new one.</source>
        <translation>历史记录文件是空的，之前群发任务的记录已不在其中。该文件已另存为 {detail}；没有发送任何短信。请从备份恢复历史记录，或再试一次以开始新的历史记录。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="311"/>
        <source>Sending stopped: the history file was deleted or replaced while sending, so nothing more was sent. A copy of what it held: {detail}</source>
        <translation>发送已停止：发送过程中历史记录文件被删除或替换，因此没有再发送。其内容的副本：{detail}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="548"/>
        <source>Delivered</source>
        <extracomment>A delivery state the core derives from LiaSmart&apos;s status word (``DeliveryState`` values), in words.</extracomment>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="549"/>
        <source>Not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="550"/>
        <source>Waiting for the report</source>
        <translation>等待回执</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="554"/>
        <source>Not sent: not a valid number</source>
        <extracomment>A set-aside row&apos;s result in an export: why it was not sent, in two or three words.</extracomment>
        <translation>未发送：号码无效</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="555"/>
        <source>Not sent: no number</source>
        <translation>未发送：没有号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="556"/>
        <source>Not sent: number damaged by Excel</source>
        <translation>未发送：号码被 Excel 损坏</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="557"/>
        <source>Not sent: number repeated</source>
        <translation>未发送：号码重复</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="558"/>
        <source>Not sent: empty merge field</source>
        <translation>未发送：变量为空</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="559"/>
        <source>Not sent: text cannot be sent</source>
        <translation>未发送：内容无法发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="561"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="563"/>
        <source>{name} (result)</source>
        <extracomment>A result column&apos;s heading when the list has a column of the same name.</extracomment>
        <translation>{name}（发送结果）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="565"/>
        <source>Sent to</source>
        <translation>发送到的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="566"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="567"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="568"/>
        <source>LiaSmart&apos;s remark</source>
        <translation>LiaSmart 的备注</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="569"/>
        <source>Message ID</source>
        <translation>短信 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="570"/>
        <source>Parts</source>
        <translation>条数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="571"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="572"/>
        <source>Attempt</source>
        <translation>发送次数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="573"/>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="574"/>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="575"/>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="576"/>
        <source>Delivery</source>
        <translation>送达状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="577"/>
        <source>Delivery checked</source>
        <translation>回执查询时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="198"/>
        <source>This is a practice campaign: it is only ever sent to the sandbox. Switch to the sandbox (Settings › Practice in the sandbox) to continue it. Nothing was sent.</source>
        <translation>这是一个练习任务：它只会发送到沙盒。请切换到沙盒（设置 › 在沙盒中练习）后再继续。没有发送任何短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="203"/>
        <source>This campaign was cancelled; its unsent messages stay unsent.</source>
        <translation>这个群发任务已取消；未发送的短信不会再发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="206"/>
        <source>This practice campaign went to a sandbox that has stopped since, so its delivery status cannot be asked.</source>
        <translation>这个练习任务发送到的沙盒已经停止，因此无法查询其送达状态。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="211"/>
        <source>Every one of these messages goes to a number on the do-not-message list, so none is sent again.</source>
        <translation>这些短信的号码都在免打扰名单中，因此一条都不会再发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="218"/>
        <source>Its delivery reports come through the account {account}, which is not the one set up now ({current}).</source>
        <extracomment>Why a campaign&apos;s delivery statuses cannot be asked for from here (the sending sentences do not fit).</extracomment>
        <translation>它的送达回执要通过账户 {account} 查询，而当前设置的账户是 {current}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="223"/>
        <source>Its delivery reports come through {through}: set up that account in Settings (and leave the sandbox) to ask for them.</source>
        <translation>它的送达回执要通过{through}查询：请在“设置”中设置该账户（并退出沙盒）后再查询。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="228"/>
        <source>This practice campaign&apos;s reports come from the sandbox: switch to the sandbox to ask for them.</source>
        <translation>这个练习任务的回执来自沙盒：请切换到沙盒后再查询。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="233"/>
        <source>the account {api_id}</source>
        <translation>账户 {api_id} </translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="234"/>
        <source>your LiaSmart account</source>
        <translation>您的 LiaSmart 账户</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="237"/>
        <source>No API ID is set. Enter it in Settings.</source>
        <translation>尚未设置 API ID。请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="238"/>
        <source>The API ID is not valid. Copy it from your LiaSmart account.</source>
        <translation>API ID 无效。请从您的 LiaSmart 账户中复制。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="241"/>
        <source>No API password is saved. Enter it in Settings.</source>
        <translation>尚未保存 API 密码。请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="244"/>
        <source>This computer has no secure password store, so the password is kept only until you close the app.</source>
        <translation>本机没有安全的密码库，因此密码只保留到您关闭程序为止。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="248"/>
        <source>The system password store did not respond ({detail}). Unlock it and try again.</source>
        <translation>系统密码库没有响应（{detail}）。请解锁后重试。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="254"/>
        <source>The history file is damaged ({detail}). Nothing was sent.</source>
        <translation>历史记录文件已损坏（{detail}）。没有发送任何短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="257"/>
        <source>The history was written by a newer version of this app. Update it.</source>
        <translation>历史记录是由更新版本的程序写入的。请升级本程序。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="260"/>
        <source>The history cannot be kept crash-safe in this folder. Keep the data folder on a local disk.</source>
        <translation>在此文件夹中无法可靠地保存历史记录（程序意外退出时可能丢失）。请把数据文件夹放在本地磁盘上。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="264"/>
        <source>The history cannot be written ({detail}). Nothing more is sent until it can: free some disk space.</source>
        <translation>无法写入历史记录（{detail}）。在恢复写入之前不会再发送短信：请腾出一些磁盘空间。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="268"/>
        <source>That campaign is not in the history.</source>
        <translation>历史记录中没有这个群发任务。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="269"/>
        <source>Nothing has been sent yet.</source>
        <translation>还没有发送过短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="270"/>
        <source>There are no such messages to send again.</source>
        <translation>没有需要重新发送的此类短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="281"/>
        <source>Stopped. The rest can be sent later from History.</source>
        <translation>已停止。其余短信可稍后在“历史记录”中继续发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="282"/>
        <source>Cancelled. Messages not yet sent will not be sent.</source>
        <translation>已取消。尚未发送的短信将不会发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="283"/>
        <source>Sending stopped: {detail} Fix it, then press Resume.</source>
        <translation>发送已停止：{detail}问题解决后，请点击“继续”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="286"/>
        <source>Sending paused: several messages in a row got no clear answer. LiaSmart or the network may be in trouble; press Resume to try again.</source>
        <translation>发送已暂停：连续多条短信没有收到明确答复。LiaSmart 或网络可能出现了问题；请点击“继续”重试。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="291"/>
        <source>Sending paused: most recent messages were rejected ({detail}). Check the sender ID and the message type.</source>
        <translation>发送已暂停：最近的大部分短信被拒绝（{detail}）。请检查发件人 ID 和短信类型。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="296"/>
        <source>Sending paused: LiaSmart could not be reached for several minutes. Check the connection, then press Resume.</source>
        <translation>发送已暂停：已有几分钟无法连接 LiaSmart。请检查网络连接，然后点击“继续”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="301"/>
        <source>Sending paused: LiaSmart asked to wait a long time. Press Resume later.</source>
        <translation>发送已暂停：LiaSmart 要求等待较长时间。请稍后点击“继续”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="304"/>
        <source>Sending paused: an answer did not match the request. Check the API address and proxy.</source>
        <translation>发送已暂停：收到的答复与请求不符。请检查 API 地址和代理服务器。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="307"/>
        <source>Sending stopped: the history could not be written. Free some disk space, then press Resume.</source>
        <translation>发送已停止：无法写入历史记录。请腾出一些磁盘空间，然后点击“继续”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="319"/>
        <source>The app stopped while this message was being sent. It may or may not have been delivered.</source>
        <translation>发送这条短信时程序停止了。它可能已送达，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="323"/>
        <source>Cancelled before it was sent.</source>
        <translation>发送前已取消。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="326"/>
        <source>No clear answer from LiaSmart ({reason}). It may or may not have been delivered.</source>
        <translation>没有收到 LiaSmart 的明确答复（{reason}）。可能已送达，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="329"/>
        <source>Accepted by LiaSmart.</source>
        <translation>LiaSmart 已受理。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="330"/>
        <source>Rejected by LiaSmart: {remarks}</source>
        <translation>被 LiaSmart 拒绝：{remarks}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="331"/>
        <source>Not sent yet.</source>
        <translation>尚未发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="332"/>
        <source>Another copy of LiaSmart Desktop is sending right now. Wait for it to finish.</source>
        <translation>另一个 LiaSmart Desktop 正在发送。请等它发送完毕。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="335"/>
        <source>Something went wrong ({kind}). Details are in the log file.</source>
        <translation>出现了意外错误（{kind}）。详细信息已记录在日志文件中。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="336"/>
        <source>The sending process stopped unexpectedly (exit code {code}). Press Resume to continue: messages that were on their way are marked Unknown and are not sent again by themselves.</source>
        <translation>发送进程意外停止（退出代码 {code}）。请点击“继续”接着发送：当时正在发送的短信会标记为“未知”，不会自动再次发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="343"/>
        <source>Set aside</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="344"/>
        <source>Test message</source>
        <translation>测试短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="345"/>
        <source>Typed numbers {date}</source>
        <translation>手动输入的号码 {date}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="346"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="347"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="348"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="516"/>
        <source>A merge field has no value in this row ({fields}); nothing was sent, so no message shows an empty gap.</source>
        <translation>此行的变量没有值（{fields}）；为避免短信中出现空白，没有发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="521"/>
        <source>The personalised text cannot be sent as it is ({problems}).</source>
        <translation>个性化后的短信无法按原样发送（{problems}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="527"/>
        <source>it is empty</source>
        <extracomment>What is wrong with a personalised text that cannot be sent, as a short phrase.</extracomment>
        <translation>内容为空</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="528"/>
        <source>it holds only spaces</source>
        <translation>只有空格</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="529"/>
        <source>a control character</source>
        <translation>含控制字符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="530"/>
        <source>a broken character</source>
        <translation>含损坏的字符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="531"/>
        <source>a hidden text-direction mark</source>
        <translation>含隐藏的文字方向标记</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="532"/>
        <source>an invisible character</source>
        <translation>含不可见字符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="533"/>
        <source>characters the standard alphabet cannot carry</source>
        <translation>含标准字符集无法表示的字符</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/messages.py" line="538"/>
        <source>, </source>
        <extracomment>Between the items of a list inside a sentence (&quot;, &quot; in English, &quot;、&quot; in Chinese).</extracomment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ModeBanner</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="41"/>
        <source>Set up my LiaSmart account…</source>
        <translation>设置我的 LiaSmart 账户…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="43"/>
        <source>Practise in the sandbox</source>
        <translation>在沙盒中练习</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="55"/>
        <source>Sandbox mode: you are practising. No real messages are sent and nothing is charged.</source>
        <translation>沙盒（练习）模式：您正在练习，不会发送真实短信，也不会收费。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="57"/>
        <source>Sandbox mode notice</source>
        <translation>沙盒模式提示</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="61"/>
        <source>No LiaSmart account is set up, so no message can be sent yet. Set up your account, or practise in the sandbox first.</source>
        <translation>尚未设置 LiaSmart 账户，因此还不能发送短信。请设置您的账户，或先在沙盒中练习。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="65"/>
        <source>Account not set up</source>
        <translation>账户未设置</translation>
    </message>
</context>
<context>
    <name>OfficeCountryDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="54"/>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="64"/>
        <source>Your office&apos;s country</source>
        <translation>您办公室所在的国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="57"/>
        <source>Which country is your office in? Phone numbers written without a country code, such as 139 1234 5678, are read as numbers of this country. Numbers written with + and their country code always keep their own.</source>
        <translation>您的办公室在哪个国家/地区？没有写国家区号的号码（例如 139 1234 5678）会按这个国家/地区的号码读取。写了 + 和国家区号的号码始终保持原样。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="63"/>
        <source>None: every number in my lists has its country code</source>
        <translation>无：我的名单中每个号码都带国家区号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="66"/>
        <source>You can change it later in Settings, on the Messages page.</source>
        <translation>以后可以在“设置”的“短信”页中更改。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="74"/>
        <source>&amp;Use this country</source>
        <translation>使用此国家/地区(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="77"/>
        <source>Ask me &amp;later</source>
        <translation>以后再问(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/office_country_dialog.py" line="83"/>
        <source>&amp;Country:</source>
        <translation>国家/地区(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>OfficeMessages</name>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="42"/>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="56"/>
        <source>The estimated cost ({cost}) is more than the balance ({balance}). Top up the account, or send to fewer people.</source>
        <translation>预计费用（{cost}）超过了余额（{balance}）。请先充值，或减少收件人。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="61"/>
        <source>These {parts} parts and the {sent} already sent today make {total}, more than the daily limit of {limit} parts. Send the rest tomorrow, or raise the limit in Settings.</source>
        <translation>本次 {parts} 条加上今天已发送的 {sent} 条共 {total} 条，超过了每日上限 {limit} 条。请明天再发送其余部分，或在设置中提高上限。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="68"/>
        <source>These {parts} parts on {day} and the {sent} already sent that day make {total}, more than the daily limit of {limit} parts. Send the rest another day, or raise the limit in Settings.</source>
        <extracomment>The same two for a scheduled campaign&apos;s day (not today).</extracomment>
        <translation>{day} 的 {parts} 条加上当天已发送的 {sent} 条共 {total} 条，超过了每日上限 {limit} 条。请改在其他日期发送其余部分，或在设置中提高上限。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="73"/>
        <source>Within the daily limit: {total} of {limit} parts on {day} ({sent} sent already).</source>
        <translation>未超出每日上限：{day} 共 {total} 条，上限 {limit} 条（已发送 {sent} 条）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="76"/>
        <source>Nothing was sent.</source>
        <translation>没有发送任何短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="77"/>
        <source>Within the balance: {cost} of {balance}.</source>
        <translation>未超出余额：{cost}（余额 {balance}）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="78"/>
        <source>Within the daily limit: {total} of {limit} parts today ({sent} sent already).</source>
        <translation>未超出每日上限：今天共 {total} 条，上限 {limit} 条（已发送 {sent} 条）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="81"/>
        <source>No daily limit is set, and without a price per part the cost cannot be compared.</source>
        <translation>未设置每日上限；未填写每条单价，因此无法比较费用。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="121"/>
        <source>“{text}” is not a date and time to send at.</source>
        <translation>“{text}”不是有效的发送日期和时间。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="124"/>
        <source>{text} has already passed. Choose a time in the future, or send now.</source>
        <translation>{text} 已经过去。请选择将来的时间，或立即发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="127"/>
        <source>{text} does not exist on this computer&apos;s clock (the clocks go forward). Choose another time.</source>
        <translation>本机时钟上不存在 {text}（此时时钟会拨快一小时）。请选择其他时间。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="131"/>
        <source>This campaign is no longer waiting for its time: it was sent, started or cancelled.</source>
        <translation>此群发任务已不再等待发送时间：它已发送、已开始或已取消。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="137"/>
        <source>The do-not-message list and the templates cannot be saved ({detail}). Free some disk space and try again; nothing was changed.</source>
        <translation>无法保存免打扰名单和模板（{detail}）。请释放一些磁盘空间后重试；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="142"/>
        <source>The file of the do-not-message list and the templates is damaged ({detail}). Nothing was sent. Restore {path} from a backup.</source>
        <translation>免打扰名单和模板的文件已损坏（{detail}）。没有发送任何短信。请从备份恢复 {path}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="147"/>
        <source>The do-not-message list was saved by a newer version of this app. Update it.</source>
        <translation>免打扰名单由更新版本的本应用保存。请更新本应用。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="152"/>
        <source>Give the template a name.</source>
        <translation>请为模板命名。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="153"/>
        <source>The name is too long: use at most {limit} characters.</source>
        <translation>名称太长：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="156"/>
        <source>Write the message first: a template needs a text.</source>
        <translation>请先填写短信内容：模板需要有内容。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="159"/>
        <source>The template cannot keep this sender ID: {why}</source>
        <translation>模板不能保存此发件人 ID：{why}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="162"/>
        <source>A template&apos;s type is promotional (P) or transactional (T).</source>
        <translation>模板的类型只能是营销类（P）或事务类（T）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="165"/>
        <source>There is no template “{name}” any more. It may have been deleted elsewhere.</source>
        <translation>模板“{name}”已不存在，可能已在别处被删除。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="168"/>
        <source>There is already a template called “{name}”. Choose another name.</source>
        <translation>已有名为“{name}”的模板。请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="173"/>
        <source>it is empty.</source>
        <translation>它是空的。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="174"/>
        <source>it starts or ends with a space.</source>
        <translation>它的开头或结尾有空格。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="175"/>
        <source>it may hold only plain Latin letters and digits.</source>
        <translation>它只能包含普通拉丁字母和数字。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="178"/>
        <source>it may hold only letters, digits and spaces.</source>
        <translation>它只能包含字母、数字和空格。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="181"/>
        <source>it is longer than 11 characters.</source>
        <translation>它超过了 11 个字符。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="182"/>
        <source>a sender ID of digits has at most 15 of them.</source>
        <translation>纯数字的发件人 ID 最多 15 位。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="186"/>
        <source>“{number}” cannot be used as it is: {why}</source>
        <translation>“{number}”无法按原样使用：{why}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="210"/>
        <source>The number is on the do-not-message list (added {date}{reason}); it is never messaged.</source>
        <translation>此号码在免打扰名单中（{date} 加入{reason}），永远不会给它发送短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="213"/>
        <source>: “{reason}”</source>
        <translation>，原因：“{reason}”</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="215"/>
        <source>Not sent: the number was added to the do-not-message list after the campaign was made.</source>
        <extracomment>A message not sent because its number joined the list after the campaign was made.</extracomment>
        <translation>未发送：群发任务创建后，此号码被加入了免打扰名单。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="229"/>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="279"/>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="230"/>
        <source>Scheduled for {at}</source>
        <translation>定于 {at} 发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="231"/>
        <source>Time changed to {at} (was {was})</source>
        <translation>发送时间改为 {at}（原为 {was}）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="232"/>
        <source>Sending started</source>
        <translation>开始发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="233"/>
        <source>Sending stopped</source>
        <translation>发送已停止</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="234"/>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="311"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="235"/>
        <source>Ended by a cancel</source>
        <translation>因取消而结束</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="236"/>
        <source>{count} unsent messages cancelled</source>
        <translation>已取消 {count} 条未发送的短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="237"/>
        <source>{count} messages on their way when the app stopped marked Unknown</source>
        <translation>应用停止时正在发送的 {count} 条短信被标为结果不明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="240"/>
        <source>{count} {state} messages sent again</source>
        <translation>重新发送了 {count} 条{state}的短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="241"/>
        <source>Recorded as belonging to the account {api_id}</source>
        <translation>记为属于账户 {api_id}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="244"/>
        <source>{count} messages waiting to retry sent at once</source>
        <translation>立即发送了 {count} 条等待重试的短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="245"/>
        <source>{count} unsent messages withheld: their numbers joined the do-not-message list</source>
        <translation>扣下了 {count} 条未发送的短信：它们的号码已加入免打扰名单</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="249"/>
        <source>({count} to numbers on the do-not-message list were not)</source>
        <translation>（其中 {count} 条的号码在免打扰名单中，未重新发送）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="253"/>
        <source>unknown</source>
        <translation>结果不明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="254"/>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="277"/>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="300"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="278"/>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="301"/>
        <source>Campaign</source>
        <translation>群发任务</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="280"/>
        <source>Created by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="281"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="282"/>
        <source>Sender ID</source>
        <translation>发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="283"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="284"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="285"/>
        <source>Message text</source>
        <translation>短信内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="286"/>
        <source>List file</source>
        <translation>名单文件</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="287"/>
        <source>List fingerprint (SHA-256)</source>
        <translation>名单指纹（SHA-256）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="288"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="289"/>
        <source>Scheduled for</source>
        <translation>定时发送时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="290"/>
        <source>Quiet hours</source>
        <translation>静默时段</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="291"/>
        <source>Messages</source>
        <translation>短信数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="292"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="293"/>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="294"/>
        <source>Unknown</source>
        <translation>结果不明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="295"/>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="312"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="296"/>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="297"/>
        <source>Rows set aside</source>
        <translation>未发送的行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="302"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="303"/>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="341"/>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="304"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="307"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="308"/>
        <source>Scheduled</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="309"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="310"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="314"/>
        <source>Sandbox (practice)</source>
        <translation>沙盒（练习）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="316"/>
        <source>Promotional</source>
        <translation>营销短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="317"/>
        <source>Transactional</source>
        <translation>事务类短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/office_messages.py" line="340"/>
        <source>Campaigns</source>
        <translation>群发任务</translation>
    </message>
</context>
<context>
    <name>OfficeRulesFields</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/office_rules_fields.py" line="29"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/office_rules_fields.py" line="30"/>
        <source>Most parts sent in one day</source>
        <translation>一天最多发送的条数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/office_rules_fields.py" line="32"/>
        <source>Hold promotional messages from</source>
        <translation>营销短信暂停发送，从</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/office_rules_fields.py" line="36"/>
        <source>Quiet hours start</source>
        <translation>静默时段开始</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/office_rules_fields.py" line="37"/>
        <source>Quiet hours end</source>
        <translation>静默时段结束</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/office_rules_fields.py" line="45"/>
        <source>to</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>OfficeWindowController</name>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="63"/>
        <source>&amp;Do not message…</source>
        <translation>免打扰名单(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="64"/>
        <source>Numbers that are never messaged</source>
        <translation>永远不会收到短信的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="66"/>
        <source>&amp;Templates…</source>
        <translation>模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="68"/>
        <source>&amp;Add to do-not-message list…</source>
        <translation>加入免打扰名单(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="69"/>
        <source>Never message the numbers of the selected rows again</source>
        <translation>以后不再给所选行的号码发送短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="76"/>
        <source>&amp;Lists</source>
        <translation>名单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="111"/>
        <source>“{name}” is scheduled for {time}; nothing was sent now. History shows it.</source>
        <translation>“{name}”已定于 {time} 发送；现在没有发送任何短信。可在历史记录中查看。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="119"/>
        <source>Nothing was sent</source>
        <translation>没有发送任何短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="136"/>
        <source>Scheduled campaigns are due</source>
        <translation>定时群发任务已到时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="138"/>
        <source>The time of these campaigns came while the app was closed:
{names}

Send them now? Otherwise they wait: History lets you send them, change their time or cancel them.</source>
        <translation>以下群发任务在应用关闭期间到了发送时间：
{names}

现在发送吗？否则它们会继续等待：可在历史记录中发送、更改时间或取消。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="147"/>
        <source>Sending the scheduled campaign {code}: its time has come.</source>
        <translation>正在发送定时群发任务 {code}：已到发送时间。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="171"/>
        <source>Select the rows of the people who asked not to be messaged first.</source>
        <translation>请先选择要求不再接收短信的人所在的行。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="175"/>
        <source>Add to the do-not-message list</source>
        <translation>加入免打扰名单</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="176"/>
        <source>Never message these {count} numbers again. Why (kept with each number)?</source>
        <translation>以后不再给这 {count} 个号码发送短信。原因是什么（会随每个号码保存）？</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/controllers/office_window_controller.py" line="190"/>
        <source>Added to the do-not-message list: {added}. Already on it: {already}.</source>
        <translation>已加入免打扰名单：{added} 个。原本已在名单中：{already} 个。</translation>
    </message>
</context>
<context>
    <name>OptOutDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="85"/>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="224"/>
        <source>Do not message</source>
        <translation>免打扰名单</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="89"/>
        <source>People who asked not to be messaged. Their numbers are set aside in every list you import and are never sent to, not even when messages are sent again.</source>
        <translation>要求不再接收短信的人。他们的号码在您导入的每份名单中都会被排除，永远不会收到短信，重新发送时也不会。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="95"/>
        <source>Find a number or a reason</source>
        <translation>查找号码或原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="96"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="102"/>
        <source>Loading the list…</source>
        <translation>正在读取名单…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="103"/>
        <source>List status</source>
        <translation>名单状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="106"/>
        <source>What was done</source>
        <translation>操作结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="107"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="108"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="110"/>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>从表格导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="111"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="140"/>
        <source>Numbers not to message</source>
        <translation>不发送短信的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="167"/>
        <source>The list is empty.</source>
        <translation>名单是空的。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="169"/>
        <source>1 number is on the list.</source>
        <translation>名单中有 1 个号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="171"/>
        <source>{count} numbers are on the list.</source>
        <translation>名单中有 {count} 个号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="187"/>
        <source>Added: {added}. Already on the list: {already}.</source>
        <translation>已添加：{added} 个。原本已在名单中：{already} 个。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="200"/>
        <source>Removed from the list: {count}.</source>
        <translation>已从名单中删除：{count} 个。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="204"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="210"/>
        <source>Rows read: {rows}. Added: {added}. Already on the list: {already}. Rows without a number: {problems}.</source>
        <translation>读取 {rows} 行。已添加：{added} 个。原本已在名单中：{already} 个。没有号码的行：{problems} 行。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="222"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="222"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="222"/>
        <source>Added (UTC)</source>
        <translation>加入时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="222"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="230"/>
        <source>Saved the list ({rows} rows). The file holds phone numbers: keep it safe.</source>
        <translation>已保存名单（{rows} 行）。文件中含有电话号码，请妥善保管。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="265"/>
        <source>Remove from the list</source>
        <translation>从名单中删除</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="267"/>
        <source>Take the selected numbers ({count}) off the do-not-message list? They can be messaged again.</source>
        <translation>将所选的 {count} 个号码从免打扰名单中删除吗？之后可以再给它们发送短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="277"/>
        <source>Import numbers</source>
        <translation>导入号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="279"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>表格文件 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="288"/>
        <source>Export the list</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/optout_dialog.py" line="290"/>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>OptOutModel</name>
    <message>
        <location filename="../../liasmart_desktop/ui/models/optout_model.py" line="45"/>
        <source>Number</source>
        <extracomment>Data role holding the entry&apos;s number (country code + number, digits only).</extracomment>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/optout_model.py" line="45"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/optout_model.py" line="45"/>
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/optout_model.py" line="45"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/outcome_chart.py" line="51"/>
        <source>Accepted</source>
        <extracomment>One colour per outcome, readable for the common colour-blindnesses (Okabe–Ito).</extracomment>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/outcome_chart.py" line="52"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/outcome_chart.py" line="53"/>
        <source>Failed</source>
        <translation>送达失败</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/outcome_chart.py" line="54"/>
        <source>Unknown</source>
        <translation>结果不明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/outcome_chart.py" line="58"/>
        <source>Outcomes over time</source>
        <translation>发送结果随时间的变化</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/outcome_chart.py" line="104"/>
        <source>No outcome yet.</source>
        <translation>暂无结果。</translation>
    </message>
</context>
<context>
    <name>PhoneNumberDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="106"/>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="110"/>
        <source>Your phone number</source>
        <extracomment>Height of a sample&apos;s text box, in lines (longer texts scroll). The summary and the samples side by side: wide enough for both, and the dialog stays low enough for a 700-pixel screen even with every kind of set-aside row listed. Order the set-aside groups are listed in.</extracomment>
        <translation>您的手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="107"/>
        <source>Which number should the test message go to?</source>
        <translation>测试短信发送到哪个号码？</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="111"/>
        <source>For example +86 139 1234 5678</source>
        <translation>例如 +86 139 1234 5678</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="116"/>
        <source>&amp;Remember this number in Settings</source>
        <translation>在设置中记住此号码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="124"/>
        <source>&amp;Number:</source>
        <translation>号码(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/preview_view.py" line="23"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/preview_view.py" line="26"/>
        <source>Recipient to preview</source>
        <translation>要预览的收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/preview_view.py" line="28"/>
        <source>Previe&amp;w for recipient:</source>
        <translation>预览收件人(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/preview_view.py" line="37"/>
        <source>Message preview</source>
        <translation>短信预览</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/preview_view.py" line="56"/>
        <source> of {total}</source>
        <translation> / {total}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/preview_view.py" line="72"/>
        <source>{encoding} · Characters: {characters} · Parts: {parts}</source>
        <translation>{encoding} · 字符数：{characters} · 条数：{parts}</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../liasmart_desktop/ui/qt_strings.py" line="20"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/qt_strings.py" line="21"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/qt_strings.py" line="18"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/qt_strings.py" line="19"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RecipientsBox</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="62"/>
        <source>Recipients</source>
        <extracomment>Pasted numbers are counted once typing pauses this long (a paste of 100,000 numbers takes ~0.6 s). The paste box shows this many lines and scrolls beyond. Numbers that cannot be used are quoted back, up to this many.</extracomment>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="76"/>
        <source>Paste or type phone numbers: one per line, or separated by commas, spaces or semicolons.</source>
        <extracomment>The counted numbers of the box as it is now; ``None`` when it is empty or being counted. The box changed (or the country did) since ``_parsed`` was counted.</extracomment>
        <translation>粘贴或输入手机号码：每行一个，或用逗号、空格、分号隔开。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="79"/>
        <source>Phone numbers</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="81"/>
        <source>Phone &amp;numbers:</source>
        <translation>手机号码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="90"/>
        <source>Clea&amp;r list</source>
        <translation>清除名单(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="92"/>
        <source>Clear the imported list</source>
        <translation>清除导入的名单</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="94"/>
        <source>Stop using the imported list; the pasted numbers are used again.</source>
        <translation>不再使用导入的名单，改回使用粘贴的号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="225"/>
        <source>Counting the numbers…</source>
        <translation>正在统计号码…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="229"/>
        <source>No numbers yet.</source>
        <translation>还没有号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="236"/>
        <source>Cannot be used: {numbers}</source>
        <translation>无法使用：{numbers}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="240"/>
        <source>Numbers that could be in more than one country are not sent: choose the default country in Settings, or write them with + and the country code.</source>
        <translation>可能属于不止一个国家/地区的号码不会发送：请在“设置”中选择默认国家/地区，或在号码前写上 + 和国家区号。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="246"/>
        <source>Numbers without a country code need the default country: set it in Settings.</source>
        <translation>没有国家区号的号码需要默认国家/地区：请在“设置”中设置。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="252"/>
        <source>Ready: {count}</source>
        <translation>可发送：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="254"/>
        <source>Not valid: {count}</source>
        <translation>无效：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="256"/>
        <source>Damaged by Excel: {count}</source>
        <translation>被 Excel 损坏：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="258"/>
        <source>Empty: {count}</source>
        <translation>缺少号码：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="260"/>
        <source>Repeated: {count}</source>
        <translation>重复：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="262"/>
        <source>Country unclear: {count}</source>
        <translation>国家不明确：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="267"/>
        <source>Numbers without a country code are read as numbers of {country} (Settings).</source>
        <translation>没有国家区号的号码按{country}的号码读取（见“设置”）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="272"/>
        <source>No default country is set (Settings): write each number with + and its country code.</source>
        <translation>未设置默认国家/地区（见“设置”）：请在每个号码前写上 + 和国家区号。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="286"/>
        <source>Imported from {source}</source>
        <translation>导入自 {source}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/recipients_box.py" line="288"/>
        <source>The review step lists the rows set aside and why.</source>
        <translation>检查发送时会列出被排除的行及原因。</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="73"/>
        <source>Row</source>
        <extracomment>Custom roles: the row&apos;s filter key (a ``MessageState``, or ``SET_ASIDE``), and its record. The filter key of a row of the list that got no message. Between the values of a row&apos;s list columns in the joined string the model keeps.</extracomment>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="74"/>
        <source>Phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="75"/>
        <source>From the list</source>
        <translation>名单内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="76"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="77"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="79"/>
        <source>Message ID</source>
        <translation>短信 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="80"/>
        <source>Parts</source>
        <translation>条数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="81"/>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="82"/>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="86"/>
        <source>{column}: {value}</source>
        <translation>{column}：{value}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="78"/>
        <source>Delivery</source>
        <translation>送达状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/models/results_model.py" line="85"/>
        <source>LiaSmart&apos;s delivery status: {status}</source>
        <translation>LiaSmart 返回的送达状态：{status}</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="153"/>
        <source>Sending progress</source>
        <translation>发送进度</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="160"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="161"/>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="162"/>
        <source>&amp;Cancel sending</source>
        <translation>取消发送(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="175"/>
        <source>Show messages</source>
        <translation>要显示的短信</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="124"/>
        <source>No campaign yet: write a message, then press Review and send.</source>
        <extracomment>Typing in the search box filters once typing pauses this long (100k rows take a moment to filter). Sample text per column: the column is as wide as the wider of this and its header. The state filter&apos;s choices: (key, states shown). Seconds spent sending (pauses left out) and when the current stretch began (0: not running). Why delivery statuses cannot be asked for now (&quot;&quot; when they can), from the window.</extracomment>
        <translation>还没有群发任务：请编写短信，然后点击“检查并发送”。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="148"/>
        <source>What sending is doing</source>
        <translation>发送状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="180"/>
        <source>Search number, name or other list value, message ID</source>
        <translation>搜索号码、姓名等名单内容或短信 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="181"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="185"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="195"/>
        <source>Message results</source>
        <translation>短信发送结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="230"/>
        <source>Resend &amp;unknown…</source>
        <translation>重发不明短信(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="231"/>
        <source>Resend re&amp;jected…</source>
        <translation>重发被拒短信(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="232"/>
        <source>Refresh &amp;delivery status</source>
        <translation>刷新送达状态(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="233"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="234"/>
        <source>&amp;New message</source>
        <translation>新短信(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="236"/>
        <source>Clear the message and the recipients, keeping the sender ID, to write the next one</source>
        <translation>清空短信内容和收件人（保留发件人 ID），开始写下一条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="257"/>
        <source>All rows</source>
        <translation>所有行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="319"/>
        <source>quiet hours: nothing leaves before {time}</source>
        <translation>静默时段：{time} 之前不发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="447"/>
        <source>from {sender}</source>
        <translation>发件人 {sender}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="451"/>
        <source>1 row of the list set aside</source>
        <translation>名单中有 1 行被排除</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="453"/>
        <source>{count} rows of the list set aside</source>
        <translation>名单中有 {count} 行被排除</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="455"/>
        <source>sandbox, nothing really sent</source>
        <translation>沙盒，没有真正发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="458"/>
        <source>Message: {text}</source>
        <translation>短信内容：{text}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="474"/>
        <source>Ask LiaSmart now whether the accepted messages have arrived</source>
        <translation>立即向 LiaSmart 查询已受理的短信是否已送达</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="487"/>
        <source>Open a campaign to ask for its delivery reports.</source>
        <translation>请先打开一个群发任务，再查询其送达回执。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="489"/>
        <source>Delivery reports can be asked for once sending has stopped.</source>
        <translation>发送停止后才能查询送达回执。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="492"/>
        <source>No message of this campaign was accepted, so there is no delivery report to ask for.</source>
        <translation>这个群发任务没有已受理的短信，因此没有送达回执可查询。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="503"/>
        <source>{sent} of {total} sent (%p%)</source>
        <translation>已发送 {sent} / {total} 条（%p%）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="519"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="521"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="523"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="529"/>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="533"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="531"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="532"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="533"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="548"/>
        <source>about {time} left once resumed</source>
        <translation>继续后约需 {time}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="549"/>
        <source>about {time} left</source>
        <translation>约剩 {time}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="560"/>
        <source>Delivery reports: {delivered} delivered · {failed} not delivered · {waiting} waiting</source>
        <translation>送达回执：已送达 {delivered} 条 · 未送达 {failed} 条 · 等待回执 {waiting} 条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="564"/>
        <source>last checked {time}</source>
        <translation>最近查询 {time}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="566"/>
        <source>not checked yet</source>
        <translation>尚未查询</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="258"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="259"/>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="260"/>
        <source>Unknown</source>
        <translation>结果不明</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="261"/>
        <source>Not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="262"/>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="530"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="263"/>
        <source>Set aside (not sent)</source>
        <translation>已排除（未发送）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="324"/>
        <source>slowed to {rate} of {target} a second: LiaSmart asked to slow down</source>
        <translation>已减速至每秒 {rate} 条（设定 {target} 条）：LiaSmart 要求放慢发送</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="421"/>
        <source>No row among “{filter}” contains “{search}”.</source>
        <translation>“{filter}”中没有包含“{search}”的行。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="426"/>
        <source>No row contains “{search}”. Check the spelling, or search for part of it.</source>
        <translation>没有包含“{search}”的行。请检查拼写，或只搜索其中一部分。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="429"/>
        <source>No row is “{filter}”. Choose “{all}” to see every row.</source>
        <translation>没有“{filter}”的行。选择“{all}”即可查看所有行。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="445"/>
        <source>Started {time}</source>
        <translation>开始于 {time}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="446"/>
        <source>typed numbers</source>
        <translation>手动输入的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/results_panel.py" line="506"/>
        <source>{state}: {count}</source>
        <translation>{state}：{count}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="189"/>
        <source>Check before sending</source>
        <translation>发送前检查</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="200"/>
        <source>Sandbox mode: these messages go to the built-in simulator. No real messages are sent and nothing is charged.</source>
        <extracomment>No account and no sandbox: nothing can be sent from here at all.</extracomment>
        <translation>沙盒（练习）模式：这些短信会发往内置模拟器，不会真正发出，也不会收费。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="254"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="268"/>
        <source>⚠ Sandbox mode was switched on or off after this campaign was prepared. Go back and review it again before sending.</source>
        <translation>⚠ 准备此任务之后，沙盒模式被打开或关闭了。请返回并重新检查后再发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="236"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="237"/>
        <source>Return to the message without sending anything</source>
        <translation>返回编辑短信，不发送任何内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="260"/>
        <source>⚠ No LiaSmart account is set up, so nothing can be sent. Go back, then set up your account in Settings or practise in the sandbox.</source>
        <translation>⚠ 尚未设置 LiaSmart 账户，因此无法发送。请返回，然后在“设置”中设置账户，或在沙盒中练习。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="276"/>
        <source>⚠ This message already went to this list on {date} (campaign “{name}”). Sending it again messages everyone a second time.</source>
        <translation>⚠ 这条短信已于 {date} 发送给这份名单（群发任务“{name}”）。再次发送会让每个人第二次收到。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="313"/>
        <source>&amp;Send 1 message</source>
        <translation>发送 1 条短信(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="314"/>
        <source>&amp;Send {count} messages</source>
        <translation>发送 {count} 条短信(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="328"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="337"/>
        <source>Campaign name</source>
        <translation>任务名称</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="338"/>
        <source>What History, the results and exported files call this campaign</source>
        <translation>历史记录、发送结果和导出文件中使用的任务名称</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="340"/>
        <source>Campaign &amp;name:</source>
        <translation>任务名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="342"/>
        <source>1 message</source>
        <translation>1 条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="344"/>
        <source>{count} messages</source>
        <translation>{count} 条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="349"/>
        <source>{messages} ({unicode} in Unicode, which fits fewer characters per part)</source>
        <translation>{messages}（其中 {unicode} 条为 Unicode 编码，每条容纳的字符较少）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="351"/>
        <source>Messages:</source>
        <translation>短信数量：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="351"/>
        <source>Messages</source>
        <translation>短信数量</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="355"/>
        <source>Countries:</source>
        <translation>国家/地区：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="356"/>
        <source>Typed or pasted numbers</source>
        <translation>手动输入或粘贴的号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="357"/>
        <source>Recipients from:</source>
        <translation>收件人来源：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="357"/>
        <source>Recipients from</source>
        <translation>收件人来源</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="359"/>
        <source>Not sent:</source>
        <translation>不发送：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="359"/>
        <source>Rows not sent</source>
        <translation>不发送的行</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="362"/>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="438"/>
        <source>1 part</source>
        <translation>1 条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="364"/>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="440"/>
        <source>{count} parts</source>
        <translation>{count} 条</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="366"/>
        <source>Parts in total:</source>
        <translation>计费条数合计：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="366"/>
        <source>Parts in total</source>
        <translation>计费条数合计</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="368"/>
        <source>Estimated cost:</source>
        <translation>预计费用：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="368"/>
        <source>Estimated cost</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="371"/>
        <source>Balance:</source>
        <translation>余额：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="371"/>
        <source>Checking…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="371"/>
        <source>Account balance</source>
        <translation>账户余额</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="373"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="374"/>
        <source>Sender ID:</source>
        <translation>发件人 ID：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="374"/>
        <source>Sender ID</source>
        <translation>发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="376"/>
        <source>Transactional (T): codes, reminders and notices</source>
        <translation>事务类短信（T）：验证码、提醒和通知</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="378"/>
        <source>Promotional (P): offers and news</source>
        <translation>营销短信（P）：优惠和资讯</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="380"/>
        <source>Message type:</source>
        <translation>短信类型：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="380"/>
        <source>Message type</source>
        <translation>短信类型</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="385"/>
        <source>Not a valid phone number</source>
        <translation>不是有效的手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="386"/>
        <source>No phone number in the row</source>
        <translation>该行没有手机号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="387"/>
        <source>Number damaged by Excel (re-export the column as Text)</source>
        <translation>号码被 Excel 损坏（请将该列设为“文本”格式后重新导出）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="388"/>
        <source>Number already earlier in the list (sent once)</source>
        <translation>号码在名单前面已出现过（只发送一次）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="390"/>
        <source>Number that could be in more than one country (choose the default country, or write +)</source>
        <translation>号码可能属于不止一个国家/地区（请选择默认国家/地区，或写上 +）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="393"/>
        <source>A merge field is empty, so the message would be incomplete</source>
        <translation>有变量为空，短信内容会不完整</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="396"/>
        <source>The message for the row cannot be sent (a hidden character, or blank)</source>
        <translation>该行的短信无法发送（含有隐藏字符，或内容为空）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="398"/>
        <source>The number is on the do-not-message list</source>
        <translation>号码在免打扰名单中</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="404"/>
        <source>None: every row gets a message.</source>
        <translation>无：每一行都会收到短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="409"/>
        <source>1 row of the list is set aside:</source>
        <translation>名单中有 1 行被排除：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="411"/>
        <source>{count} rows of the list are set aside:</source>
        <translation>名单中有 {count} 行被排除：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="414"/>
        <source>• {reason}: {count}</source>
        <translation>• {reason}：{count}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="419"/>
        <source>They stay with the campaign and are included when you export its results.</source>
        <translation>这些行会保留在任务中，导出结果时也会一并导出。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="425"/>
        <source>Unknown: set the price per part in Settings to see it.</source>
        <translation>未知：在设置中填写每条单价后即可显示。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="426"/>
        <source>{cost} ({price} per part)</source>
        <translation>{cost}（每条 {price}）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="432"/>
        <source>First message, row {row}, to {phone}</source>
        <translation>第一条短信，第 {row} 行，发给 {phone}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="433"/>
        <source>Last message, row {row}, to {phone}</source>
        <translation>最后一条短信，第 {row} 行，发给 {phone}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="434"/>
        <source>A message picked at random, row {row}, to {phone}</source>
        <translation>随机抽取的一条短信，第 {row} 行，发给 {phone}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="552"/>
        <source>Sending the test message to {phone}…</source>
        <translation>正在把测试短信发送到 {phone}…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="574"/>
        <source>The sandbox accepted the test message to {phone}. No real message was sent.</source>
        <translation>沙盒已受理发往 {phone} 的测试短信。没有发送真实短信。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="577"/>
        <source>LiaSmart accepted the test message to {phone}. It should arrive within a minute or two: check how it looks before sending to everyone.</source>
        <translation>LiaSmart 已受理发往 {phone} 的测试短信，一两分钟内应该就能收到：请先看看效果，再发送给所有人。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="582"/>
        <source>LiaSmart refused the test message to {phone} ({remarks}). The campaign would probably be refused the same way: check the sender ID and the message type.</source>
        <translation>LiaSmart 拒绝了发往 {phone} 的测试短信（{remarks}）。群发很可能也会被同样拒绝：请检查发件人 ID 和短信类型。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="587"/>
        <source>The test message to {phone}: {reason} Wait a few minutes and check your phone before trying again.</source>
        <translation>发往 {phone} 的测试短信：{reason}请等几分钟，先查看手机再决定是否重试。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="442"/>
        <source>{title} · {encoding} · {parts}</source>
        <translation>{title} · {encoding} · {parts}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="449"/>
        <source>How the messages will look</source>
        <translation>短信样例</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="470"/>
        <source>There is nothing to send: every row was set aside.</source>
        <translation>没有可发送的短信：所有行都被排除了。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="476"/>
        <source>Try it first</source>
        <translation>先试一下</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="478"/>
        <source>Send a &amp;test to my number…</source>
        <translation>发送测试短信到我的手机(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="481"/>
        <source>Send the first message&apos;s text to your own phone, to see how it arrives (it is charged)</source>
        <translation>把第一条短信的内容发到您自己的手机上，看看实际收到的效果（会计费）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="489"/>
        <source>Test message result</source>
        <translation>测试短信结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="505"/>
        <source>{amount} in the sandbox (practice money, nothing is charged)</source>
        <translation>{amount}（沙盒中的练习金额，不会实际扣费）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="520"/>
        <source>Could not be checked. {reason}</source>
        <translation>无法查询。{reason}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/review_dialog.py" line="604"/>
        <source>The test message was not sent. {reason}</source>
        <translation>测试短信未发送。{reason}</translation>
    </message>
</context>
<context>
    <name>ScheduleBox</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="43"/>
        <source>When to send</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="48"/>
        <source>Send &amp;now</source>
        <translation>立即发送(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="49"/>
        <source>Send &amp;at:</source>
        <translation>定时发送(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="58"/>
        <source>When the campaign will finish</source>
        <translation>群发任务预计完成时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="100"/>
        <source>Quiet hours {window}: promotional messages wait while they last.</source>
        <translation>静默时段 {window}：营销短信会在此期间暂停发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="106"/>
        <source>At this rate the send would take more than ten years; raise the rate in Settings.</source>
        <translation>按此速度，发送需要十年以上；请在“设置”中调高速度。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="109"/>
        <source>Expected to finish about {time}.</source>
        <translation>预计在 {time} 左右完成。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="118"/>
        <source>&amp;Schedule 1 message</source>
        <translation>定时发送 1 条短信(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="119"/>
        <source>&amp;Schedule {count} messages</source>
        <translation>定时发送 {count} 条短信(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="121"/>
        <source>&amp;Send 1 message</source>
        <translation>发送 1 条短信(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/schedule_box.py" line="122"/>
        <source>&amp;Send {count} messages</source>
        <translation>发送 {count} 条短信(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SendTimeDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/send_time_dialog.py" line="21"/>
        <source>Change the time</source>
        <translation>更改发送时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/send_time_dialog.py" line="22"/>
        <source>When should “{name}” be sent?</source>
        <translation>“{name}”应在何时发送？</translation>
    </message>
</context>
<context>
    <name>SendTimeEdit</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/send_time_edit.py" line="41"/>
        <source>Date and time to send</source>
        <extracomment>Shown to the minute, like ``send --at`` takes it. A new picker proposes this far ahead (rounded to the next quarter hour).</extracomment>
        <translation>发送日期和时间</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/send_time_edit.py" line="65"/>
        <source>UTC{offset}, this computer&apos;s time</source>
        <translation>UTC{offset}，本机时间</translation>
    </message>
</context>
<context>
    <name>SenderIdField</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/sender_id_field.py" line="39"/>
        <source>Sender ID</source>
        <translation>发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/sender_id_field.py" line="41"/>
        <source>The name or number the message comes from, as registered with LiaSmart.</source>
        <translation>短信显示的发送方名称或号码，须与在 LiaSmart 登记的一致。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="66"/>
        <source>Windows Credential Manager</source>
        <extracomment>keyring backend module → the store&apos;s name as people know it.</extracomment>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="67"/>
        <source>macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="68"/>
        <source>Secret Service (GNOME Keyring)</source>
        <translation>Secret Service（GNOME 密钥环）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="69"/>
        <source>Secret Service (libsecret)</source>
        <translation>Secret Service（libsecret）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="70"/>
        <source>KDE Wallet</source>
        <translation>KDE 钱包</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="71"/>
        <source>the system&apos;s password stores</source>
        <translation>系统密码库</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="73"/>
        <source>the password store “{name}”</source>
        <translation>密码库“{name}”</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="111"/>
        <source>Settings</source>
        <extracomment>Whether a password is saved for the saved API ID (None while the store is being asked).</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="114"/>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="115"/>
        <source>&amp;Messages</source>
        <translation>短信(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="116"/>
        <source>Cost and &amp;speed</source>
        <translation>费用与速度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="117"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="118"/>
        <source>Ad&amp;vanced</source>
        <translation>高级(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="173"/>
        <source>Your API password is kept in {store}, this computer&apos;s secure password store. It is never written to a file.</source>
        <translation>您的 API 密码保存在本机的安全密码库 {store} 中，绝不会写入文件。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="178"/>
        <source>This computer has no secure password store, so the API password is not saved: it is kept in memory until you close the app, and asked for once each time you start it.</source>
        <translation>本机没有安全的密码库，因此不会保存 API 密码：密码只保留在内存中，直到关闭程序；每次启动时需要输入一次。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="188"/>
        <source>The app is in sandbox mode: messages go to the built-in simulator. These settings are for your real LiaSmart account.</source>
        <translation>程序正处于沙盒模式：短信会发往内置模拟器。这里的设置用于您真实的 LiaSmart 账户。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="197"/>
        <source>API ID</source>
        <translation>API ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="198"/>
        <source>As shown in your LiaSmart account</source>
        <translation>与 LiaSmart 账户中显示的一致</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="199"/>
        <source>API &amp;ID:</source>
        <translation>API ID(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="208"/>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="560"/>
        <source>API password</source>
        <translation>API 密码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="210"/>
        <source>Leave empty to keep the saved password. The saved password is never shown.</source>
        <translation>留空则保留已保存的密码。已保存的密码不会显示。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="212"/>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="213"/>
        <source>Show the password as you type</source>
        <translation>输入时显示密码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="221"/>
        <source>API &amp;password:</source>
        <translation>API 密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="225"/>
        <source>Password status</source>
        <translation>密码状态</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="226"/>
        <source>&amp;Remove saved password</source>
        <translation>删除已保存的密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="237"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="240"/>
        <source>Ask LiaSmart for the balance with the API ID and password above (nothing is sent)</source>
        <translation>用上面的 API ID 和密码向 LiaSmart 查询余额（不会发送短信）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="245"/>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="259"/>
        <source>Default country</source>
        <translation>默认国家/地区</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="258"/>
        <source>None (every number has its country code)</source>
        <translation>无（每个号码都带国家区号）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="261"/>
        <source>Default &amp;country:</source>
        <translation>默认国家/地区(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="267"/>
        <source>Used for numbers written without a country code, such as 139 1234 5678. Type a country&apos;s name or code to find it.</source>
        <translation>用于没有写国家区号的号码，例如 139 1234 5678。输入国家/地区的名称或代码即可查找。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="274"/>
        <source>Saved sender IDs</source>
        <translation>已保存的发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="277"/>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="278"/>
        <source>New sender ID</source>
        <translation>新的发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="280"/>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="282"/>
        <source>Add sender ID</source>
        <translation>添加发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="283"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="285"/>
        <source>Remove the selected sender ID</source>
        <translation>删除所选的发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="299"/>
        <source>Saved sender &amp;IDs:</source>
        <translation>已保存的发件人 ID(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="302"/>
        <source>Default sender ID</source>
        <translation>默认发件人 ID</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="304"/>
        <source>Default s&amp;ender ID:</source>
        <translation>默认发件人 ID(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="310"/>
        <source>Longest sender ID</source>
        <translation>发件人 ID 最大长度</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="312"/>
        <source>Lon&amp;gest sender ID:</source>
        <translation>发件人 ID 最大长度(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="317"/>
        <source>Characters allowed in a sender ID with letters; 11 in most countries.</source>
        <translation>含字母的发件人 ID 最多允许的字符数；大多数国家为 11 个。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="322"/>
        <source>Default message type</source>
        <translation>默认短信类型</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="323"/>
        <source>Promotional (P): offers and news</source>
        <translation>营销短信（P）：优惠和资讯</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="324"/>
        <source>Transactional (T): codes, reminders and notices</source>
        <translation>事务类短信（T）：验证码、提醒和通知</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="325"/>
        <source>Default message &amp;type:</source>
        <translation>默认短信类型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="328"/>
        <source>My phone number for test messages</source>
        <translation>接收测试短信的本人号码</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="329"/>
        <source>For example +86 139 1234 5678</source>
        <translation>例如 +86 139 1234 5678</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="331"/>
        <source>My &amp;number for tests:</source>
        <translation>我的测试号码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="336"/>
        <source>“Send a test to my number” sends the first message here before a campaign.</source>
        <translation>群发前使用“发送测试短信到我的手机”时，第一条短信会发到这个号码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="345"/>
        <source>Price per message part</source>
        <translation>每条短信单价</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="346"/>
        <source>For example 0.035</source>
        <translation>例如 0.035</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="348"/>
        <source>&amp;Price per part:</source>
        <translation>每条单价(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="353"/>
        <source>What LiaSmart charges for one part of a message; leave empty if you do not know.</source>
        <translation>LiaSmart 按条计费的单价；不清楚可以留空。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="358"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="359"/>
        <source>For example USD or CNY</source>
        <translation>例如 USD 或 CNY</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="360"/>
        <source>C&amp;urrency:</source>
        <translation>货币(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="364"/>
        <source>Messages sent at the same time</source>
        <translation>同时发送的短信数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="366"/>
        <source>Messages sent at &amp;once:</source>
        <translation>同时发送数(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="371"/>
        <source>More is faster on a slow connection; 8 suits most offices.</source>
        <translation>网络较慢时调大可加快发送；大多数办公室用 8 即可。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="377"/>
        <source>Messages per second at most</source>
        <translation>每秒最多发送的短信数</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="379"/>
        <source>Highest &amp;rate (messages per second):</source>
        <translation>最高速度（条/秒）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="384"/>
        <source>Keep it within what your LiaSmart account allows.</source>
        <translation>请不要超过您的 LiaSmart 账户允许的速度。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="390"/>
        <source>&amp;Daily limit (parts):</source>
        <translation>每日上限（条）(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="395"/>
        <source>Nothing is sent beyond it in one day; parts already sent that day count.</source>
        <translation>一天内发送不会超过此上限；当天已发送的条数也计算在内。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="399"/>
        <source>&amp;Quiet hours:</source>
        <translation>静默时段(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="404"/>
        <source>Promotional messages wait while they last; transactional ones still go.</source>
        <translation>营销短信在此期间暂停发送；事务类短信照常发送。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="413"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="414"/>
        <source>Same as the computer</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="418"/>
        <source>&amp;Display language:</source>
        <translation>界面语言(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="423"/>
        <source>A new language is used the next time you start LiaSmart Desktop.</source>
        <translation>更改的语言将在下次启动 LiaSmart Desktop 时生效。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="431"/>
        <source>Change these only when LiaSmart or your IT department asks you to.</source>
        <translation>仅在 LiaSmart 或贵公司 IT 部门要求时才更改这些设置。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="435"/>
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="436"/>
        <source>API a&amp;ddress:</source>
        <translation>API 地址(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="438"/>
        <source>Delivery report address</source>
        <translation>送达报告地址</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="439"/>
        <source>Optional, for example https://example.com/dlr</source>
        <translation>可选，例如 https://example.com/dlr</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="441"/>
        <source>Delivery &amp;report address:</source>
        <translation>送达报告地址(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="446"/>
        <source>Where LiaSmart should send delivery reports; the app checks them itself anyway.</source>
        <translation>LiaSmart 推送送达报告的地址；即使不填，程序也会自行查询。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="449"/>
        <source>Use the system &amp;certificate store</source>
        <translation>使用系统证书库(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="451"/>
        <source>Needed when the office network inspects secure connections with its own certificate.</source>
        <translation>当办公网络使用自己的证书检查加密连接时，需要开启此项。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="454"/>
        <source>Require LiaSmart to &amp;echo each message&apos;s reference</source>
        <translation>要求 LiaSmart 回传每条短信的编号(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="457"/>
        <source>An answer that does not repeat the message&apos;s reference is treated as unclear. Turn on only if LiaSmart confirms it always does.</source>
        <translation>答复中如果没有回传短信编号，将视为结果不明。请仅在 LiaSmart 确认总会回传时开启。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="534"/>
        <source>The new password is saved in {store} when you press Save.</source>
        <translation>点击“保存”后，新密码会保存到 {store}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="538"/>
        <source>The password is kept in memory until you close the app when you press Save.</source>
        <translation>点击“保存”后，密码会保留在内存中，直到关闭程序。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="541"/>
        <source>Checking whether a password is saved…</source>
        <translation>正在检查是否已保存密码…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="543"/>
        <source>The saved password is removed when you press Save.</source>
        <translation>点击“保存”后，已保存的密码将被删除。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="546"/>
        <source>A password is saved. Type a new one to change it, or remove it.</source>
        <translation>已保存密码。输入新密码即可更改，也可以删除。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="548"/>
        <source>A password is kept in memory until you close the app.</source>
        <translation>密码保留在内存中，直到关闭程序。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="552"/>
        <source>The password saved for “{api_id}” is removed when you press Save. Type the password for the new API ID.</source>
        <translation>点击“保存”后，为“{api_id}”保存的密码将被删除。请输入新 API ID 的密码。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="556"/>
        <source>No password is saved yet. Type it above.</source>
        <translation>尚未保存密码。请在上方输入。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="560"/>
        <source>Type a new password to change it</source>
        <translation>输入新密码以更改</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="630"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="640"/>
        <source>Connected. Your balance is {amount}.</source>
        <translation>连接成功。您的余额为 {amount}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="651"/>
        <source>Type the API password to test the connection.</source>
        <translation>请输入 API 密码后再测试连接。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="656"/>
        <source>Not connected. {reason}</source>
        <translation>连接失败。{reason}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="669"/>
        <source>Type a sender ID first.</source>
        <translation>请先输入发件人 ID。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="670"/>
        <source>“{sender}” starts or ends with a space.</source>
        <translation>“{sender}”的开头或结尾有空格。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="672"/>
        <source>“{sender}” may hold only plain Latin letters and digits (no accents, Chinese or look-alike letters).</source>
        <translation>“{sender}”只能包含普通英文字母和数字（不能有带重音的字母、中文或形似字母）。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="675"/>
        <source>“{sender}” may hold only letters, digits and spaces.</source>
        <translation>“{sender}”只能包含字母、数字和空格。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="676"/>
        <source>“{sender}” is longer than {limit} characters.</source>
        <translation>“{sender}”超过了 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="677"/>
        <source>A sender ID of digits only has at most 15 digits.</source>
        <translation>纯数字的发件人 ID 最多 15 位。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="683"/>
        <source>None (choose each time)</source>
        <translation>无（每次选择）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="770"/>
        <source>An API ID has only letters, digits, dots, dashes and underscores. Copy it from your account.</source>
        <translation>API ID 只包含字母、数字、点、短横线和下划线。请从您的账户中复制。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="775"/>
        <source>Type the API ID this password belongs to.</source>
        <translation>请输入此密码对应的 API ID。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="808"/>
        <source>Type a full web address starting with https://, or leave it empty.</source>
        <translation>请输入以 https:// 开头的完整网址，或留空。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="836"/>
        <source>Type a number such as 0.035, or leave it empty.</source>
        <translation>请输入数字（例如 0.035），或留空。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/settings_dialog.py" line="839"/>
        <source>A price cannot be below zero.</source>
        <translation>单价不能小于零。</translation>
    </message>
</context>
<context>
    <name>SmsTypeField</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/sms_type_field.py" line="34"/>
        <source>Message type:</source>
        <translation>短信类型：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/sms_type_field.py" line="35"/>
        <source>Promot&amp;ional (P)</source>
        <translation>营销短信（P）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/sms_type_field.py" line="37"/>
        <source>&amp;Transactional (T)</source>
        <translation>事务类短信（T）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/sms_type_field.py" line="40"/>
        <source>Offers, news and invitations sent to many people at once.</source>
        <translation>同时发给很多人的优惠、资讯和邀请。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/sms_type_field.py" line="42"/>
        <source>Messages a person expects from you: codes, order, delivery and appointment notices.</source>
        <translation>对方期待收到的短信：验证码、订单、物流和预约通知。</translation>
    </message>
</context>
<context>
    <name>SpendGuardBox</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/spend_guard_box.py" line="32"/>
        <location filename="../../liasmart_desktop/ui/widgets/spend_guard_box.py" line="43"/>
        <source>Spend guard</source>
        <translation>费用保护</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/spend_guard_box.py" line="40"/>
        <source>Checking the balance and today&apos;s parts…</source>
        <translation>正在检查余额和今天已发送的条数…</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="79"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="80"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="89"/>
        <source>Sandbox (practice)</source>
        <translation>沙盒（练习）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="91"/>
        <source>No account set up: open Settings</source>
        <translation>账户未设置：请打开“设置”</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="94"/>
        <source>{api_id} at {host}</source>
        <translation>{api_id}（{host}）</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="104"/>
        <source>Balance: checking…</source>
        <translation>余额：正在查询…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="109"/>
        <source>Balance: {amount} {currency}</source>
        <translation>余额：{amount} {currency}</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/status_area.py" line="116"/>
        <source>Balance: unavailable</source>
        <translation>余额：无法获取</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="39"/>
        <source>Saved template</source>
        <translation>已保存的模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="40"/>
        <source>Fill the message, sender ID and type from a saved template</source>
        <translation>用已保存的模板填写短信内容、发件人 ID 和类型</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="41"/>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="43"/>
        <source>Save as template…</source>
        <translation>存为模板…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="44"/>
        <source>Keep this message, sender ID and type under a name</source>
        <translation>用一个名称保存此短信内容、发件人 ID 和类型</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="45"/>
        <source>Manage…</source>
        <translation>管理…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="46"/>
        <source>Rename or delete saved templates</source>
        <translation>重命名或删除已保存的模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="73"/>
        <source>Choose a template…</source>
        <translation>选择模板…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="73"/>
        <source>No saved templates yet</source>
        <translation>还没有保存的模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="96"/>
        <source>Save as template</source>
        <translation>存为模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="96"/>
        <source>Name of the template (an existing one is replaced):</source>
        <translation>模板名称（同名模板会被替换）：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/widgets/template_picker.py" line="121"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="38"/>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="146"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="40"/>
        <source>Saved templates</source>
        <translation>已保存的模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="45"/>
        <source>Template text</source>
        <translation>模板内容</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="46"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="47"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="94"/>
        <source>No saved templates yet. Save one from the message form.</source>
        <translation>还没有保存的模板。可在短信表单中保存。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="97"/>
        <source>promotional</source>
        <translation>营销类</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="97"/>
        <source>transactional</source>
        <translation>事务类</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="98"/>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="102"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="101"/>
        <source>Sender ID: {sender} · Type: {kind} · Saved {when} by {who}</source>
        <translation>发件人 ID：{sender} · 类型：{kind} · 由 {who} 于 {when} 保存</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="120"/>
        <source>Rename template</source>
        <translation>重命名模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="120"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="136"/>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/templates_dialog.py" line="137"/>
        <source>Delete the template “{name}”? Campaigns already sent with it keep their text.</source>
        <translation>删除模板“{name}”吗？已用它发送的群发任务会保留各自的内容。</translation>
    </message>
</context>
<context>
    <name>TextConfirmDialog</name>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/text_confirm_dialog.py" line="22"/>
        <source>A message has {parts} parts, and each part is charged like a whole message: each recipient of it costs {parts} times the price of one part.</source>
        <translation>有短信长达 {parts} 条，每条都按一条短信计费：每位收件人的费用是单条价格的 {parts} 倍。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/text_confirm_dialog.py" line="28"/>
        <source>A message has {parts} parts, and each part is charged: {each} per recipient, up to {total} for all {count} messages.</source>
        <translation>有短信长达 {parts} 条，每条都要计费：每位收件人 {each}，全部 {count} 条短信最多 {total}。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/text_confirm_dialog.py" line="46"/>
        <source>Standard characters (T) cannot carry {characters}: phones will show question marks or nothing in their place.</source>
        <translation>“标准字符（T）”无法发送 {characters}：手机上会显示为问号或空白。</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/text_confirm_dialog.py" line="54"/>
        <source>Send it anyway?</source>
        <translation>仍然发送吗？</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/text_confirm_dialog.py" line="64"/>
        <source>The message is too long</source>
        <translation>短信太长</translation>
    </message>
    <message>
        <location filename="../../liasmart_desktop/ui/dialogs/text_confirm_dialog.py" line="72"/>
        <source>Check the message before sending</source>
        <translation>发送前请检查短信</translation>
    </message>
</context>
</TS>
