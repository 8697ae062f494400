// The knowledge base on its own (spec KB-01..03): the starter articles, search as the agent types,
// suggestions from a customer's words, ratings, and the contribution workflow with approval.

#include "kb/kb_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

using namespace agentdesk::kb;
using namespace agentdesk::kb::testing;

namespace {

/// A knowledge base in a fresh folder, seeded with the starter articles.
struct SeededKb {
    TempDir dir;
    KnowledgeBase kb{dir.path() / "kb.db"};
    SeededKb() { REQUIRE(kb.seed(starterArticles(), kNow) == static_cast<int>(starterArticles().size())); }
};

std::vector<std::string> idsOf(const std::vector<SearchHit>& hits) {
    std::vector<std::string> ids;
    for (const auto& hit : hits) ids.push_back(hit.articleId);
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

ArticleContent content(std::string title, std::string body, std::string folder = "Orders and delivery") {
    return {std::move(title), std::move(body), std::move(folder), "", {"test"}};
}

}  // namespace

TEST_CASE("the starter knowledge base has at least 40 articles in several folders, each with a title, folder and text") {
    const auto& articles = starterArticles();
    CHECK(articles.size() >= 40);
    std::set<std::string> folders;
    for (const auto& a : articles) {
        CHECK_FALSE(a.content.title.empty());
        CHECK(a.content.body.size() > 200);
        folders.insert(a.content.folder);
    }
    CHECK(folders.size() >= 6);
}

TEST_CASE("seeding twice adds nothing the second time and keeps what people changed") {
    SeededKb s;
    const int published = s.kb.publishedCount();
    CHECK(published == static_cast<int>(starterArticles().size()));

    // A supervisor approves a change; the next start seeds again from the same files.
    auto edited = s.kb.article("return-policy")->content;
    edited.body += "\n\nBoots must come back in their box.";
    auto proposal = s.kb.proposeEdit("return-policy", edited, "box rule", anna, kNow);
    REQUIRE(std::holds_alternative<Revision>(proposal));
    REQUIRE_FALSE(s.kb.approve(std::get<Revision>(proposal).id, sam, "", kNow));

    CHECK(s.kb.seed(starterArticles(), kNow + 1000) == 0);
    CHECK(s.kb.publishedCount() == published);
    CHECK(s.kb.search("return policy").size() == s.kb.search("return policy").size());
    CHECK(s.kb.article("return-policy")->content.body.ends_with("in their box."));
    CHECK(s.kb.article("return-policy")->version == 2);
    CHECK(s.kb.history("return-policy").size() == 2);
}

TEST_CASE("search finds the obviously right article first") {
    SeededKb s;
    CHECK(idsOf(s.kb.search("return policy")).front() == "return-policy");
    CHECK(idsOf(s.kb.search("sleeping bag temperature")).front() == "sleeping-bag-temperature-ratings");
    CHECK(idsOf(s.kb.search("broken zip")).front() == "broken-zip");
    CHECK(idsOf(s.kb.search("invoice copy")).front() == "invoice-copy");
    CHECK(idsOf(s.kb.search("charged twice")).front() == "charged-twice");
    CHECK(idsOf(s.kb.search("Norway customs")).front() == "delivery-outside-eu");
}

TEST_CASE("search as you type matches the word being typed as a prefix, and every word must match") {
    SeededKb s;
    const auto typing = idsOf(s.kb.search("warr"));
    REQUIRE_FALSE(typing.empty());
    CHECK(typing.front().starts_with("warranty-"));
    // "resol" is a prefix of "resoling" while typing; once a space follows it is a whole word.
    CHECK(contains(idsOf(s.kb.search("boot resol")), "boot-care-and-resoling"));
    CHECK(s.kb.search("tent xylophone").empty());
    CHECK(s.kb.search("").empty());
    CHECK(s.kb.search("  ,;  ").empty());
    // Operators and quotes typed by the agent are words, not FTS syntax errors.
    CHECK_NOTHROW(s.kb.search("\"NEAR(tent\" OR AND *"));
}

TEST_CASE("snippets and titles mark the matched words") {
    SeededKb s;
    const auto hits = s.kb.search("refund");
    REQUIRE_FALSE(hits.empty());
    const auto& first = hits.front();
    CHECK(first.articleId == "refund-timing");
    CHECK(firstMarked(first.title) == "refund");
    CHECK(lower(firstMarked(first.snippet)).starts_with("refund"));
    // Porter stemming: "returning" finds "return" and the snippet marks the word as written.
    const auto stemmed = s.kb.search("returning");
    REQUIRE_FALSE(stemmed.empty());
    CHECK(firstMarked(stemmed.front().snippet).starts_with("return"));
    // The opened article shows the same marks in its whole text.
    const std::string body = s.kb.markedBody("refund-timing", "paypal");
    CHECK(firstMarked(body) == "PayPal");
    CHECK(s.kb.markedBody("refund-timing", "") == s.kb.article("refund-timing")->content.body);
}

TEST_CASE("filters narrow search and browse to a folder, a tag or a service") {
    SeededKb s;
    for (const auto& hit : s.kb.search("delivery", {.folder = "Returns and exchanges"})) {
        CHECK(hit.folder == "Returns and exchanges");
    }
    const auto boots = s.kb.browse({.tag = "Boots", .limit = 0});
    REQUIRE(boots.size() >= 3);
    for (const auto& a : boots) CHECK(contains(a.content.tags, "boots"));
    const auto folders = s.kb.folders();
    CHECK(folders.size() >= 6);
    int total = 0;
    for (const auto& f : folders) total += f.articles;
    CHECK(total == s.kb.publishedCount());
    CHECK(contains(s.kb.tags(), "warranty"));
    // A service filter keeps that service's articles and the general ones, not other services'.
    for (const auto& a : s.kb.browse({.service = "billing-voice", .limit = 0})) {
        CHECK((a.content.service.empty() || a.content.service == "billing-voice"));
    }
}

TEST_CASE("suggestions for a customer's chat message put the matching article on top") {
    SeededKb s;
    CHECK(idsOf(s.kb.suggest("Hi, where is my order? It hasn't arrived yet and the tracking has not changed")).front() ==
          "where-is-my-order");
    const auto exchange = idsOf(s.kb.suggest("These boots are too small, can I exchange them for a bigger size?"));
    REQUIRE(exchange.size() >= 3);
    CHECK(contains(std::vector<std::string>(exchange.begin(), exchange.begin() + 3), "exchange-for-another-size"));
    CHECK(idsOf(s.kb.suggest("Which tent for four people?")).front() == "choosing-a-tent-for-four");
    CHECK(s.kb.suggest("hi, thanks!").empty());
    CHECK(customerQuery("I can't find it, it's not there") == "\"find\"");
}

TEST_CASE("one rating per agent per article: a second vote replaces the first") {
    SeededKb s;
    REQUIRE_FALSE(s.kb.rate("broken-zip", anna, true, kNow));
    REQUIRE_FALSE(s.kb.rate("broken-zip", ben, true, kNow));
    CHECK(s.kb.article("broken-zip")->helpful == 2);
    REQUIRE_FALSE(s.kb.rate("broken-zip", anna, false, kNow));
    CHECK(s.kb.article("broken-zip")->helpful == 1);
    CHECK(s.kb.article("broken-zip")->notHelpful == 1);
    CHECK(s.kb.ratingBy("broken-zip", "u-anna") == false);
    CHECK(s.kb.ratingBy("broken-zip", "u-sam") == std::nullopt);
    CHECK(s.kb.rate("no-such-article", anna, true, kNow)->find("no article") != std::string::npos);
    CHECK(s.kb.rate("broken-zip", Person{}, true, kNow)->find("Log in") != std::string::npos);
}

TEST_CASE("a new article goes to approval, is not searchable until a supervisor approves it, then is") {
    SeededKb s;
    auto created = s.kb.createArticle(
        content("Delivery to the Faroe Islands", "We deliver to the Faroe Islands in 6 to 9 working days by sea freight."),
        anna, true, kNow);
    REQUIRE(std::holds_alternative<Revision>(created));
    const Revision proposal = std::get<Revision>(created);
    CHECK(proposal.articleId == "delivery-to-the-faroe-islands");
    CHECK(proposal.status == RevisionStatus::Pending);
    CHECK(s.kb.article(proposal.articleId)->state == ArticleState::Pending);
    CHECK(s.kb.search("Faroe").empty());
    REQUIRE(s.kb.pending().size() == 1);

    REQUIRE_FALSE(s.kb.approve(proposal.id, sam, "Thanks, Anna", kNow + 60000));
    const auto published = s.kb.article(proposal.articleId);
    CHECK(published->state == ArticleState::Published);
    CHECK(published->version == 1);
    CHECK(idsOf(s.kb.search("Faroe")) == std::vector<std::string>{"delivery-to-the-faroe-islands"});
    CHECK(s.kb.pending().empty());
    CHECK(s.kb.revision(proposal.id)->reviewerName == "Sam Rivera");
}

TEST_CASE("an agent cannot approve or reject - only a supervisor can") {
    SeededKb s;
    auto edited = s.kb.article("broken-zip")->content;
    edited.body += "\n\nSpare sliders are free for loyalty card members.";
    auto proposal = s.kb.proposeEdit("broken-zip", edited, "sliders", anna, kNow);
    REQUIRE(std::holds_alternative<Revision>(proposal));
    const auto id = std::get<Revision>(proposal).id;
    const auto refused = s.kb.approve(id, ben, "", kNow);
    REQUIRE(refused);
    CHECK(*refused == "Only a supervisor can approve articles.");
    CHECK(s.kb.reject(id, anna, "no", kNow));
    CHECK(s.kb.article("broken-zip")->version == 1);
    CHECK(s.kb.revision(id)->status == RevisionStatus::Pending);
}

TEST_CASE("an edit is published as the next version when approved - a rejected one leaves the article as it was") {
    SeededKb s;
    const Article before = *s.kb.article("gift-cards");
    auto first = before.content;
    first.body = "Gift cards are valid for 5 years.\n\n" + first.body;
    auto second = before.content;
    second.title = "Gift cards and vouchers";

    const auto rejectedId = std::get<Revision>(s.kb.proposeEdit("gift-cards", first, "longer validity", anna, kNow)).id;
    CHECK(s.kb.reject(rejectedId, sam, "", kNow)->find("Say why") != std::string::npos);  // a comment is required
    REQUIRE_FALSE(s.kb.reject(rejectedId, sam, "Validity is 3 years by law here.", kNow));
    CHECK(s.kb.article("gift-cards")->content.body == before.content.body);
    CHECK(s.kb.article("gift-cards")->version == 1);
    CHECK_FALSE(contains(idsOf(s.kb.search("valid 5 years")), "gift-cards"));
    CHECK(s.kb.revision(rejectedId)->reviewComment == "Validity is 3 years by law here.");
    CHECK(s.kb.contributionsBy("u-anna").front().status == RevisionStatus::Rejected);

    const auto approvedId = std::get<Revision>(s.kb.proposeEdit("gift-cards", second, "title", ben, kNow + 1)).id;
    REQUIRE_FALSE(s.kb.approve(approvedId, sam, "", kNow + 2));
    const Article after = *s.kb.article("gift-cards");
    CHECK(after.version == 2);
    CHECK(after.content.title == "Gift cards and vouchers");
    CHECK(firstMarked(s.kb.search("vouchers gift").front().title) != "");

    // History, newest first: the approved edit (v2), the rejected one, the starter version (v1).
    const auto history = s.kb.history("gift-cards");
    REQUIRE(history.size() == 3);
    CHECK(history[0].version == 2);
    CHECK(history[0].authorName == "Ben Okafor");
    CHECK(history[1].status == RevisionStatus::Rejected);
    CHECK(history[2].version == 1);
    CHECK(history[2].content.body == before.content.body);
}

TEST_CASE("a proposal written against an older version cannot be approved over a newer one") {
    SeededKb s;
    auto a = s.kb.article("tent-seasons")->content;
    auto b = a;
    a.body += "\n\nA footprint protects the floor.";
    b.body += "\n\nPitch the tent with the back to the wind.";
    const auto first = std::get<Revision>(s.kb.proposeEdit("tent-seasons", a, "", anna, kNow)).id;
    const auto second = std::get<Revision>(s.kb.proposeEdit("tent-seasons", b, "", ben, kNow)).id;
    REQUIRE_FALSE(s.kb.approve(first, sam, "", kNow));
    const auto stale = s.kb.approve(second, sam, "", kNow);
    REQUIRE(stale);
    CHECK(stale->find("version 2 has been published since") != std::string::npos);
    REQUIRE_FALSE(s.kb.reject(second, sam, "Please propose it again on version 2.", kNow));
}

TEST_CASE("proposals are checked before they are stored") {
    SeededKb s;
    CHECK(std::get<std::string>(s.kb.createArticle(content("", "text"), anna, true, kNow)) == "An article needs a title.");
    CHECK(std::get<std::string>(s.kb.createArticle(content("Title", "  "), anna, true, kNow)) == "An article needs some text.");
    CHECK(std::get<std::string>(s.kb.createArticle(content("Title", "text", ""), anna, true, kNow)) ==
          "Choose a folder for the article.");
    CHECK(std::get<std::string>(s.kb.proposeEdit("broken-zip", s.kb.article("broken-zip")->content, "", anna, kNow))
              .starts_with("Nothing changed"));
    CHECK(s.kb.pending().empty());
}

TEST_CASE("a draft stays with its author until submitted - a rejected new article goes back to draft") {
    SeededKb s;
    const auto draft = std::get<Revision>(s.kb.createArticle(content("Pickup lockers", "Parcels can go to lockers."), anna, false, kNow));
    CHECK(s.kb.article(draft.articleId)->state == ArticleState::Draft);
    CHECK(s.kb.pending().empty());
    CHECK(s.kb.submit(draft.id, ben, kNow)->find("Only its author") != std::string::npos);
    REQUIRE_FALSE(s.kb.submit(draft.id, anna, kNow));
    CHECK(s.kb.article(draft.articleId)->state == ArticleState::Pending);
    REQUIRE_FALSE(s.kb.reject(draft.id, sam, "Which carrier? Add the opening hours.", kNow));
    CHECK(s.kb.article(draft.articleId)->state == ArticleState::Draft);
    // The author revises it; the new proposal goes to approval again and is published.
    const auto again = s.kb.proposeEdit(draft.articleId, content("Pickup lockers", "Parcels can go to carrier lockers, open 24/7."),
                                        "opening hours", anna, kNow);
    REQUIRE(std::holds_alternative<Revision>(again));
    REQUIRE_FALSE(s.kb.approve(std::get<Revision>(again).id, sam, "", kNow));
    CHECK(s.kb.article(draft.articleId)->version == 1);
    CHECK(idsOf(s.kb.search("lockers")) == std::vector<std::string>{draft.articleId});
}

TEST_CASE("a starter file with a mistake is reported by name and the others still load") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "kb");
    std::ofstream(dir.path() / "kb" / "good.md") << "---\ntitle: Good\nfolder: F\ntags: A, b\n---\nBody text.\n";
    std::ofstream(dir.path() / "kb" / "bad.md") << "---\ntitle: Bad\n---\nNo folder.\n";
    std::ofstream(dir.path() / "kb" / "worse.md") << "no front matter\n";
    const auto loaded = loadStarterArticles(dir.path() / "kb");
    REQUIRE(loaded.articles.size() == 1);
    CHECK(loaded.articles[0].id == "good");
    CHECK(loaded.articles[0].content.tags == std::vector<std::string>{"a", "b"});
    REQUIRE(loaded.problems.size() == 2);
    CHECK(loaded.problems[0].find("bad.md: it has no folder") != std::string::npos);
    CHECK(loaded.problems[1].find("worse.md") != std::string::npos);
    CHECK(loadStarterArticles(dir.path() / "missing").problems.size() == 1);
}

TEST_CASE("a knowledge base written by a newer version is refused and left untouched") {
    TempDir dir;
    {
        KnowledgeBase kb(dir.path() / "kb.db");
    }
    {
        Database db(dir.path() / "kb.db");
        db.setUserVersion(99);
    }
    CHECK_THROWS_WITH_AS(KnowledgeBase(dir.path() / "kb.db"), doctest::Contains("newer AgentDesk"), KbStoreError);
}

TEST_CASE("a kb.db that is not a database is refused with a message naming the file") {
    TempDir dir;
    std::ofstream(dir.path() / "kb.db") << "these are not the pages of a SQLite database, just text that fills a page or two "
                                        << std::string(8192, 'x');
    CHECK_THROWS_WITH_AS(KnowledgeBase(dir.path() / "kb.db"), doctest::Contains((dir.path() / "kb.db").string().c_str()), KbStoreError);
}
