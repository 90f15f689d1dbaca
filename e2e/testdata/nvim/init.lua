-- Neovim end-to-end test of `memlint lsp` (driven by nvim_test.go).
-- Works with Neovim 0.7 (Debian's), which has vim.lsp.start_client and
-- vim.lsp.buf_attach_client but not vim.lsp.start.
--
-- Environment: MEMLINT_E2E_BIN (the memlint binary), MEMLINT_E2E_OUT (the
-- results file), MEMLINT_E2E_TIMEOUT_MS (wait for one analysis),
-- MEMLINT_E2E_ENGINE (-engine of memlint lsp), MEMLINT_E2E_DEBUG (log every
-- LSP message).
-- Results, one a line:
--   DIAG line:col: message     diagnostics after opening (1-based, byte column)
--   ACTION title               the quick fix applied to the first one
--   AFTER line:col: message    diagnostics after :write
--   DONE | ERROR reason
local out = assert(os.getenv('MEMLINT_E2E_OUT'), 'MEMLINT_E2E_OUT not set')
local bin = assert(os.getenv('MEMLINT_E2E_BIN'), 'MEMLINT_E2E_BIN not set')
local timeout = tonumber(os.getenv('MEMLINT_E2E_TIMEOUT_MS') or '600000')

if os.getenv('MEMLINT_E2E_DEBUG') then
  vim.lsp.set_log_level('debug') -- every message in $XDG_CACHE_HOME/nvim/lsp.log
end

local f = assert(io.open(out, 'w'))
local function emit(s)
  f:write(s, '\n')
  f:flush()
end

local cmd = { bin, 'lsp', '-debounce=50ms' }
if (os.getenv('MEMLINT_E2E_ENGINE') or '') ~= '' then
  table.insert(cmd, '-engine=' .. os.getenv('MEMLINT_E2E_ENGINE'))
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local pubs = 0
  local client_id = vim.lsp.start_client({
    name = 'memlint',
    cmd = cmd,
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        if result and result.uri == uri then
          pubs = pubs + 1
        end
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')

  local function wait_pubs(n)
    if not vim.wait(timeout, function() return pubs >= n end, 100) then
      error('timed out waiting for publication #' .. n .. ' of diagnostics')
    end
  end
  local function dump(tag)
    local ds = vim.diagnostic.get(bufnr)
    table.sort(ds, function(a, b)
      if a.lnum ~= b.lnum then
        return a.lnum < b.lnum
      end
      return a.col < b.col
    end)
    for _, d in ipairs(ds) do
      emit(string.format('%s %d:%d: %s', tag, d.lnum + 1, d.col + 1, d.message))
    end
    return ds
  end

  wait_pubs(1)
  local ds = dump('DIAG')
  if #ds == 0 then
    error('no diagnostics')
  end

  -- Quick-fix the first finding as a user does: cursor on it, code
  -- action, pick the first entry of the menu.
  vim.api.nvim_win_set_cursor(0, { ds[1].lnum + 1, ds[1].col })
  local chosen
  vim.ui.select = function(items, opts, on_choice)
    chosen = opts.format_item(items[1])
    on_choice(items[1], 1)
  end
  local lines = vim.api.nvim_buf_line_count(bufnr)
  vim.lsp.buf.code_action()
  if not vim.wait(60000, function()
    return chosen ~= nil and vim.api.nvim_buf_line_count(bufnr) ~= lines
  end, 50) then
    error('the code action was not offered or not applied')
  end
  emit('ACTION ' .. chosen)

  -- Save: the server analyses the file again.
  vim.cmd('write')
  wait_pubs(2)
  dump('AFTER')
  emit('DONE')
end

-- nested: the :write must fire BufWritePost, which sends didSave.
vim.api.nvim_create_autocmd('VimEnter', {
  nested = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      emit('ERROR ' .. tostring(err))
      f:close()
      vim.cmd('cquit 1')
      return
    end
    f:close()
    vim.cmd('qall!')
  end,
})
