#include "ingest/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include "ingest/ingest.h"
#include "text/ascii_case.h"

namespace dyad {
namespace {

std::string tag_of(const xmlNode* n) {
  return n->name ? to_lower_ascii(reinterpret_cast<const char*>(n->name)) : "";
}

std::string attribute(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, decltype(xmlFree)> v(
      xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)), xmlFree);
  return v ? reinterpret_cast<const char*>(v.get()) : "";
}

// Whitespace collapsed to single blanks, trimmed.
std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string text_of(const xmlNode* n) {
  std::string out;
  std::function<void(const xmlNode*)> walk = [&](const xmlNode* x) {
    for (; x; x = x->next) {
      if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
        if (x->content) out += reinterpret_cast<const char*>(x->content);
      } else if (x->type == XML_ELEMENT_NODE) {
        std::string t = tag_of(x);
        if (t == "br") out += ' ';
        walk(x->children);
        if (t == "td" || t == "th" || t == "div" || t == "span") out += ' ';
      }
    }
  };
  walk(n->children);
  return collapse(out);
}

// Elements that never hold article text.
bool is_furniture(const std::string& tag) {
  static const char* kTags[] = {"script",   "style", "noscript", "nav",      "header", "footer",
                                "aside",    "form",  "iframe",   "button",   "svg",    "select",
                                "textarea", "label", "input",    "template", "figure"};
  return std::any_of(std::begin(kTags), std::end(kTags), [&](const char* t) { return tag == t; });
}

// class/id words that mark boilerplate blocks; `small_only` ones are dropped
// only when short (a bio, a byline), the others whatever their size.
bool is_boilerplate_block(const xmlNode* n, std::size_t text_size) {
  std::string marks = to_lower_ascii(attribute(n, "class") + " " + attribute(n, "id"));
  if (marks.size() <= 1) return false;
  static const char* kAlways[] = {"comment",   "respond", "reply",      "share",   "social",
                                  "related",   "sidebar", "breadcrumb", "cookie",  "newsletter",
                                  "subscribe", "advert",  "promo",      "menu",    "navigation",
                                  "navbar",    "widget",  "popup",      "sharing", "recommend"};
  static const char* kSmall[] = {"author", "bio",    "byline",  "tags",
                                 "meta",   "footer", "caption", "credit"};
  for (const char* w : kAlways) {
    if (marks.find(w) != std::string::npos) return true;
  }
  if (text_size < 600) {
    for (const char* w : kSmall) {
      if (marks.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

// Removes furniture and boilerplate blocks from the tree.
void prune(xmlNode* n) {
  xmlNode* c = n->children;
  while (c) {
    xmlNode* next = c->next;
    if (c->type == XML_COMMENT_NODE) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (c->type == XML_ELEMENT_NODE) {
      std::string t = tag_of(c);
      if (is_furniture(t) || is_boilerplate_block(c, text_of(c).size())) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      } else {
        prune(c);
      }
    }
    c = next;
  }
}

bool is_paragraph(const std::string& t) {
  return t == "p" || t == "h2" || t == "h3" || t == "h4" || t == "li" || t == "blockquote" ||
         t == "pre" || t == "dd";
}

// Paragraph texts under a node, in document order (a paragraph inside
// another paragraph element is not repeated).
void paragraphs(const xmlNode* n, std::vector<std::string>& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_paragraph(tag_of(c))) {
      std::string t = text_of(c);
      if (!t.empty()) out.push_back(std::move(t));
    } else {
      paragraphs(c, out);
    }
  }
}

// Text in paragraphs directly under a node: how much article a block holds.
std::size_t paragraph_text(const xmlNode* n) {
  std::size_t size = 0;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && tag_of(c) == "p") size += text_of(c).size();
  }
  return size;
}

// The element holding the article: <article> or [itemprop=articleBody]
// with most text, else the block with most paragraph text directly in it.
const xmlNode* main_content(const xmlNode* root) {
  const xmlNode* best = nullptr;
  std::size_t best_size = 0;
  const xmlNode* marked = nullptr;
  std::size_t marked_size = 0;
  std::function<void(const xmlNode*)> walk = [&](const xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      std::string t = tag_of(n);
      if (t == "article" || to_lower_ascii(attribute(n, "itemprop")) == "articlebody") {
        std::size_t size = text_of(n).size();
        if (size > marked_size) {
          marked = n;
          marked_size = size;
        }
      }
      std::size_t p = paragraph_text(n);
      if (p > best_size) {
        best = n;
        best_size = p;
      }
      walk(n->children);
    }
  };
  walk(root);
  if (marked && marked_size >= best_size / 2) return marked;
  return best ? best : root;
}

bool boilerplate_line(const std::string& p) {
  static const char* kPhrases[] = {"leave a reply",
                                   "your email address will not be published",
                                   "required fields are marked",
                                   "share this",
                                   "related posts",
                                   "subscribe to",
                                   "click here",
                                   "cookie",
                                   "all rights reserved",
                                   "sign up for"};
  std::string l = to_lower_ascii(p);
  if (l.size() > 300) return false;
  return std::any_of(std::begin(kPhrases), std::end(kPhrases),
                     [&](const char* k) { return l.find(k) != std::string::npos; });
}

// Title, date, outlet and URL from meta tags, <title>, <time>, <h1>.
void read_metadata(const xmlNode* root, Article& a) {
  std::string og_title, title_tag, h1, date, site, canonical, og_url, time_tag;
  std::function<void(const xmlNode*)> walk = [&](const xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      std::string t = tag_of(n);
      if (t == "meta") {
        std::string key = to_lower_ascii(attribute(n, "property") + attribute(n, "name") +
                                         attribute(n, "itemprop"));
        std::string content = attribute(n, "content");
        if (key == "og:title") og_title = content;
        if (key == "og:site_name") site = content;
        if (key == "og:url") og_url = content;
        if (date.empty() && (key == "article:published_time" || key == "date" || key == "pubdate" ||
                             key == "publish-date" || key == "dc.date" || key == "datepublished" ||
                             key == "sailthru.date" || key == "parsely-pub-date")) {
          date = content;
        }
      } else if (t == "link" && to_lower_ascii(attribute(n, "rel")) == "canonical") {
        canonical = attribute(n, "href");
      } else if (t == "title" && title_tag.empty()) {
        title_tag = text_of(n);
      } else if (t == "h1" && h1.empty()) {
        h1 = text_of(n);
      } else if (t == "time" && time_tag.empty()) {
        time_tag = attribute(n, "datetime");
      }
      walk(n->children);
    }
  };
  walk(root);
  a.title = !og_title.empty() ? og_title : !h1.empty() ? h1 : title_tag;
  a.date = normalise_date(!date.empty() ? date : time_tag);
  a.url = !canonical.empty() ? canonical : og_url;
  a.source = !site.empty() ? site : url_host(a.url);
}

}  // namespace

Article article_from_html(std::string_view html, const std::string& origin) {
  Article a;
  a.origin = origin;
  if (html.empty()) return a;
  std::string bytes(html);
  repair_utf8(bytes);
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_NOBLANKS),
      &xmlFreeDoc);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return a;
  read_metadata(root, a);
  prune(root);
  std::vector<std::string> paras;
  const xmlNode* content = main_content(root);
  paragraphs(content, paras);
  if (paras.empty()) {
    std::string all = text_of(content);
    if (!all.empty()) paras.push_back(std::move(all));
  }
  for (const std::string& p : paras) {
    if (boilerplate_line(p)) continue;
    if (!a.text.empty()) a.text += "\n\n";
    a.text += p;
  }
  return a;
}

}  // namespace dyad
