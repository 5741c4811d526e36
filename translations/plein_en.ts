<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Language</name>
    <message>
        <source>System language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostWrites</name>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown: **bold**, *italic*, `code`, links, @mentions, #hashtags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete blog page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this comment? Replies stay, and it shows as deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this? Its comments stay, and it shows as deleted for everyone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes, abbreviated</comment>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours, abbreviated</comment>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date within this year; QDate format</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date in another year; QDate format</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>long date, then time of day</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::AppController</name>
    <message>
        <source>Your session could not be kept (%1); you will be asked to sign in next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local copy for %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::BlogPage</name>
    <message>
        <source>Celebrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Love</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insightful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer stories from colleagues and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write in Markdown: ## headings, **bold**, *italic*, lists, `code`, links, @mentions and #hashtags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No blog pages yet. Write the first one: a story, a how-to, a look back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a page on the left to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on their profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On my profile, for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::ChatPage</name>
    <message>
        <source>Jump to first unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages in all rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message — Markdown, ```code```, @name; Enter sends, Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start one with “New room…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source> · muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>React</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this room? Its messages leave this computer too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in names of the people, separated by commas
(one name: a direct conversation):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found for “%1”</source>
        <translation>
            <numerusform>%n message found for “%1”</numerusform>
            <numerusform>%n messages found for “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::CommentsPanel</name>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet. Be the first to reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the post by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::Composer</name>
    <message>
        <source>Share something with your colleagues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n character too many</numerusform>
            <numerusform>%n characters too many</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter sends</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::ExpertNotices</name>
    <message>
        <source>%1 asks you about %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered your question about %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::ExpertsPage</name>
    <message>
        <source>Ask the experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who knows about…?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleagues are ranked by the skills they list, the endorsements they got, the posts they tagged and the questions they answered. It works offline too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A skill or topic, e.g. sql</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the top experts a question; they get a notification and their answers stay with the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a skill to see who knows about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in the directory knows about %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 colleague knows about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 colleagues know about %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask this expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the top %1 experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question was sent to %1. Their answers will appear below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questions yet. Questions you ask or are asked appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::GroupsPage</name>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams, departments, locations, projects and interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share something with the group… (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a group on the left, or start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asks to join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No posts yet. Start the conversation!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts are for members. Ask to join to read along.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts are for members. Join to read along.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open: anyone can join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: people ask, owners approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret: only members know it exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show c&amp;omments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::HashtagView</name>
    <message>
        <source>#%1 — Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing with this tag yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The newest %n posts and pages with this tag</source>
        <translation>
            <numerusform>The newest post or page with this tag</numerusform>
            <numerusform>The newest %n posts and pages with this tag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) and page(s) with this tag</source>
        <translation>
            <numerusform>%n post or page with this tag</numerusform>
            <numerusform>%n posts and pages with this tag</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::HomeClient</name>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mentioned you in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 commented on your post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reacted to your post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must read: please read and confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n new notification</numerusform>
            <numerusform>%n new notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asked you a question as an expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered your question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::HomePage</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your start page is empty. Add widgets with the button above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::MainWindow</name>
    <message>
        <source>Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group libraries of versioned files and pages, kept offline when you ask for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For administrators: active users, engagement per group and department, and news reach. Always aggregated, never about one person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain found; your session is stored in a file in your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Plein %1&lt;/h3&gt;&lt;p&gt;The square where your organisation meets: news, groups, people and conversations, also when you are offline.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new question(s) or answer(s)</source>
        <translation>
            <numerusform>%n new question or answer</numerusform>
            <numerusform>%n new questions or answers</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1) Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blogs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::MessageDelegate</name>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1 (right-click to edit and retry, or discard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::NewsListDelegate</name>
    <message>
        <source>PINNED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCHEDULED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONFIRMED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MUST READ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EVERYONE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goes out %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read by %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::NewsPage</name>
    <message>
        <source>Like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Celebrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Love</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insightful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Communications and HR, for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an article on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PINNED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCHEDULED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MUST READ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FOR EVERYONE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FOR %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ You confirmed that you have read and understood this article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This article is a must-read. Please confirm that you have read and understood it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Reach:&lt;/b&gt; read by %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet confirmed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message>
        <source> · sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::NotificationBell</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread</source>
        <translation>
            <numerusform>Notifications: %n unread</numerusform>
            <numerusform>Notifications: %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet. Mentions, comments and reactions on your posts, and must-read news show up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are all caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::OrgChartView</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the chart to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top of the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct reports (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::Outbox</name>
    <message>
        <source>The server refused a change (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edit could not be saved (%1). The server&apos;s version is shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your delete was refused (%1). The item is shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reaction could not be saved (%1) and was taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your message could not be posted (%1). It is kept, marked as failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change could not be saved (%1) and was taken back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::PeopleDirectory</name>
    <message>
        <source>1 endorsement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 endorsements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 post tagged #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posts tagged #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 answer given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists %1 as a skill</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::PeoplePage</name>
    <message>
        <source>Search people by name, title or skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::PeopleService</name>
    <message>
        <source>Sign in once before writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can endorse the skills of others only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo must be at most %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos can be changed only while online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::PlaceholderPage</name>
    <message>
        <source>Coming soon</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::PostDelegate</name>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Celebrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Love</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insightful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ React</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This comment was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::ProfileView</name>
    <message>
        <source>This person is not in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer works here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1? They are signed out everywhere and leave the directory; their posts stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No skills listed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 endorsement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 endorsements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You endorsed this; click to withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endorse %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sql, python, project management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your conversation with %1 in Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer works here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not in any group yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups in common, and none started by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups you share, and the ones %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing posted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your timeline shows %1&apos;s posts; click to stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1&apos;s posts in your timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::Session</name>
    <message>
        <source>No account is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plein follows your system&apos;s language unless you choose one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time you start Plein.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain found; your session is stored in a file in your profile (%1), readable only by you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::SignInDialog</name>
    <message>
        <source>Sign in to Plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s square for news, groups and colleagues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ws://plein.example.com:8765</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example anna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain found; your session is stored in a file in your profile, readable only by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is not right. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a while, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Sign in with your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your network connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server speaks a different version of Plein. Update Plein and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in did not work (%1). Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of your Plein server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. It looks like ws://plein.example.com:8765.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name has only letters, digits, dots, dashes and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts, try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts, try again in %n second.</numerusform>
            <numerusform>Too many attempts, try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts, try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many attempts, try again in %n minute.</numerusform>
            <numerusform>Too many attempts, try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Try again in %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::StatusIndicator</name>
    <message numerus="yes">
        <source>Online — sending %n change(s)</source>
        <translation>
            <numerusform>Online — sending %n change</numerusform>
            <numerusform>Online — sending %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n pending</source>
        <translation>
            <numerusform>Offline — %n pending</numerusform>
            <numerusform>Offline — %n pending</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. Everything you write is kept and sent once the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::SyncEngine</name>
    <message>
        <source>Timed out connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was ended on the server; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not speak this version of Plein.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message from the server was too large to read; reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message from the server could not be read; reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::TimelinePage</name>
    <message>
        <source>Company timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is happening across the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet. Share the first post with your colleagues!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The post could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the timeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show c&amp;omments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plein::client::TokenStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the keychain did not answer within %n second(s)</source>
        <translation>
            <numerusform>the keychain did not answer within %n second</numerusform>
            <numerusform>the keychain did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plein::client::homewidgets</name>
    <message>
        <source>in News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company-wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1 in my timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute notifications from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No news yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow groups and people to fill your timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mentioned you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mentioned you in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When someone @mentions you, it shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a group on the Groups page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one new in the last three months.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
